package sempgw.smtp.ingress.data;

import sempgw.smtp.ingress.protocol.SmtpReply;

/** Why a message's content is refused, each with the reply the client gets after the final dot. */
public enum DataViolation {
    /** Larger than the size limit (RFC 1870 §6.3). */
    TOO_BIG(SmtpReply.of(552, "5.3.4", "Error: message size exceeds fixed limit")),
    /**
     * A CR outside a CRLF pair (RFC 5321 §2.3.8). A bare LF is taken as a line end, as Postfix
     * does; a bare CR would become a line break downstream that the header filter did not see.
     */
    BARE_CR(SmtpReply.of(550, "5.5.2", "Error: bare <CR> received in message content")),
    /** NUL is not allowed in a message (RFC 5322 §2.1; RFC 2045 §2.8). */
    NUL(SmtpReply.of(554, "5.6.0", "Error: NUL character in message content")),
    /** The header section is over the line or octet limit: a header bomb. */
    HEADER_TOO_LARGE(SmtpReply.of(552, "5.3.4", "Error: message header section too large")),
    /** Too many {@code Received:} fields (RFC 5321 §6.3). */
    TOO_MANY_HOPS(SmtpReply.of(554, "5.4.6", "Error: too many hops, mail loop?"));

    private final SmtpReply reply;

    DataViolation(SmtpReply reply) {
        this.reply = reply;
    }

    public SmtpReply reply() {
        return reply;
    }
}
