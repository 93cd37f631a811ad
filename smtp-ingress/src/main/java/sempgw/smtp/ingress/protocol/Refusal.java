package sempgw.smtp.ingress.protocol;

/**
 * Carries a reply out of a parser's inner steps to its public entry point, which turns it
 * back into a value. Never escapes this package.
 */
final class Refusal extends RuntimeException {
    private final transient SmtpReply reply;

    Refusal(SmtpReply reply) {
        super(reply.line(), null, false, false);
        this.reply = reply;
    }

    SmtpReply reply() {
        return reply;
    }
}
