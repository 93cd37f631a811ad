package sempgw.smtp.ingress.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The argument of MAIL and RCPT split into its path and its ESMTP parameters
 * (RFC 5321 §4.1.2: {@code "FROM:" Reverse-path [SP Mail-parameters]}, {@code "TO:" Forward-path
 * [SP Rcpt-parameters]}).
 *
 * <p>Leniency, as Postfix has by default: spaces after the colon and a path without angle
 * brackets are accepted. A source route ({@code <@a,@b:user@d>}) is accepted and ignored
 * (RFC 5321 §4.1.2, §C).
 *
 * @param path the address inside the brackets, source route removed; empty for {@code <>}
 * @param parameters keyword (upper case) to value (empty when the keyword has none), in order
 */
record EnvelopeArgument(String path, Map<String, Optional<String>> parameters) {
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    /**
     * @param argument the command line after the verb and its space, for example {@code FROM:<a@b> SIZE=10}
     * @param prefix {@code FROM:} or {@code TO:}
     * @throws Refusal with a 501 reply on bad syntax
     */
    static EnvelopeArgument parse(String argument, String prefix, String usage) {
        if (!argument.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new Refusal(Replies.syntax(usage));
        }
        String rest = argument.substring(prefix.length()).stripLeading();
        int end;
        String path;
        if (rest.startsWith("<")) {
            end = closingBracket(rest);
            if (end < 0) {
                throw new Refusal(Replies.syntax(usage));
            }
            path = stripSourceRoute(rest.substring(1, end));
            end++;
        } else {
            end = rest.indexOf(' ');
            end = end < 0 ? rest.length() : end;
            path = rest.substring(0, end);
            if (path.isEmpty()) {
                throw new Refusal(Replies.syntax(usage));
            }
        }
        String params = rest.substring(end);
        if (!params.isEmpty() && params.charAt(0) != ' ') {
            throw new Refusal(Replies.syntax(usage));
        }
        return new EnvelopeArgument(path, parameters(params.strip()));
    }

    /** Finds the {@code >} that closes the path, skipping quoted strings and their escapes. */
    private static int closingBracket(String s) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String stripSourceRoute(String path) {
        if (!path.startsWith("@")) {
            return path;
        }
        int colon = path.indexOf(':');
        return colon < 0 ? path : path.substring(colon + 1);
    }

    private static Map<String, Optional<String>> parameters(String params) {
        if (params.isEmpty()) {
            return Map.of();
        }
        Map<String, Optional<String>> out = new LinkedHashMap<>();
        for (String param : params.split(" +")) {
            int eq = param.indexOf('=');
            String keyword = eq < 0 ? param : param.substring(0, eq);
            if (!KEYWORD.matcher(keyword).matches()) {
                throw new Refusal(Replies.badParameter(keyword.isEmpty() ? "empty" : "keyword"));
            }
            String key = keyword.toUpperCase(Locale.ROOT);
            Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(param.substring(eq + 1));
            if (value.isPresent() && !isEsmtpValue(value.get())) {
                throw new Refusal(Replies.badParameter(key));
            }
            if (out.putIfAbsent(key, value) != null) {
                throw new Refusal(Replies.badParameter(key));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@code esmtp-value = 1*(%d33-60 / %d62-126)}, widened to UTF-8 by RFC 6531 §3.3. */
    private static boolean isEsmtpValue(String v) {
        return !v.isEmpty() && v.chars().allMatch(c -> c >= 33 && c <= 126 && c != '=' || c >= 0x80);
    }
}
