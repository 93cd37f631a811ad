package sempgw.smtp.egress.client;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote server's reply together with who said it and to what, in the one-line form that
 * goes into {@link sempgw.store.queue.DeliveryResult#reply()}, the log and {@code queue show}
 * (the form Postfix operators know):
 * {@code host mx.example.org[192.0.2.1]:25 said: 550 5.1.1 no such user (in reply to RCPT TO command)}.
 * {@link #parse} recovers the parts, so a DSN can give the reply as its Diagnostic-Code and the
 * host as its Remote-MTA (RFC 3464 §2.3.5, §2.3.6).
 *
 * @param host the remote host as {@link Target#describe()} gives it
 * @param reply the reply on one line, as {@link SmtpReply#oneLine()} gives it
 * @param inReplyTo the command it answered ({@code MAIL FROM}, {@code RCPT TO}, {@code DATA}, {@code end of DATA}, ...)
 */
public record RemoteReply(String host, String reply, String inReplyTo) {

    private static final Pattern FORM = Pattern.compile("host (\\S+) said: ([2-5]\\d\\d .*?)(?: \\(in reply to (.+) command\\))?");

    public RemoteReply {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
    }

    public static RemoteReply of(Target target, SmtpReply reply, String inReplyTo) {
        return new RemoteReply(target.describe(), reply.oneLine(), inReplyTo);
    }

    /** Recovers the parts of a text made by {@link #toString()}; empty for any other text. */
    public static Optional<RemoteReply> parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new RemoteReply(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3)));
    }

    /** The host name alone, for {@code Remote-MTA: dns; <name>}. */
    public String hostName() {
        int bracket = host.indexOf('[');
        return bracket > 0 ? host.substring(0, bracket) : host;
    }

    @Override
    public String toString() {
        return "host " + host + " said: " + reply + (inReplyTo.isEmpty() ? "" : " (in reply to " + inReplyTo + " command)");
    }
}
