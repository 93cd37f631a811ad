package sempgw.e2e.smtp;

/** A complete (possibly multi-line) SMTP reply: its code and the text of its last line. */
public record SmtpReply(int code, String text) {

    public boolean positive() {
        return code >= 200 && code < 400;
    }

    @Override
    public String toString() {
        return code + " " + text;
    }
}
