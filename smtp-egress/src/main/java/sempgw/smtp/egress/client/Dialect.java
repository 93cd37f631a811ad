package sempgw.smtp.egress.client;

/** Which protocol a session speaks: SMTP (RFC 5321) or LMTP (RFC 2033). */
public enum Dialect {
    SMTP("EHLO"),
    /** LHLO instead of EHLO, and one reply per accepted recipient after the data (RFC 2033 §4.1, §4.2). */
    LMTP("LHLO");

    private final String hello;

    Dialect(String hello) {
        this.hello = hello;
    }

    /** The greeting command. */
    public String hello() {
        return hello;
    }
}
