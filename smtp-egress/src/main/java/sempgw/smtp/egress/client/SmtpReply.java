package sempgw.smtp.egress.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One complete SMTP or LMTP reply (RFC 5321 §4.2): a three-digit code and one or more text
 * lines, with the RFC 3463 enhanced status code when the first line carries one (RFC 2034 §4).
 *
 * @param code the reply code, 200 to 599
 * @param status the enhanced status code, present only when its class matches the code's
 * @param lines the text of each line, without the code and separator
 */
public record SmtpReply(int code, Optional<EnhancedStatus> status, List<String> lines) {

    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code out of range (RFC 5321 §4.2.1): " + code);
        }
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
    }

    /** Builds a reply from its code and line texts, recognising an enhanced code on the first line. */
    public static SmtpReply of(int code, List<String> lines) {
        Optional<EnhancedStatus> status = EnhancedStatus.atStart(lines.getFirst())
                .filter(s -> s.statusClass() == code / 100);
        return new SmtpReply(code, status, lines);
    }

    public static SmtpReply of(int code, String text) {
        return of(code, List.of(text));
    }

    /** 2yz: completed (RFC 5321 §4.2.1). */
    public boolean isPositive() {
        return code / 100 == 2;
    }

    /** 3yz: the server waits for more (354 after DATA, 334 during AUTH). */
    public boolean isIntermediate() {
        return code / 100 == 3;
    }

    /** 4yz: transient negative completion. */
    public boolean isTransient() {
        return code / 100 == 4;
    }

    /** 5yz: permanent negative completion. */
    public boolean isPermanent() {
        return code / 100 == 5;
    }

    /** The reply on one line: {@code 550 5.1.1 first line second line}, continuation codes dropped. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder().append(code).append(' ').append(lines.getFirst());
        for (String line : lines.subList(1, lines.size())) {
            String text = status.filter(s -> EnhancedStatus.atStart(line).equals(Optional.of(s)))
                    .map(s -> line.substring(s.toString().length()).stripLeading())
                    .orElse(line);
            sb.append(' ').append(text);
        }
        return sb.toString().strip();
    }

    @Override
    public String toString() {
        return oneLine();
    }
}
