package sempgw.app.demo;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * The demo's one message, a plain-text MIME message (Jakarta Mail) with a random token in the
 * subject and body, sent over SMTP as an organisation's mail server would hand it to the
 * gateway, and compared with what the mailbox host received from the receiving gateway.
 */
final class DemoMessage {
    /** The header a receiving gateway adds with its seal and sender-signature results (CLIENT.md §4.3.3). */
    static final String VERIFICATION = "SEMP-Verification";

    private final String from;
    private final String to;
    private final String subject;
    private final String text;
    private final Instant date;

    private DemoMessage(String from, String to, String subject, String text, Instant date) {
        this.from = from;
        this.to = to;
        this.subject = subject;
        this.text = text;
        this.date = date;
    }

    /** @param token random bytes that make this run's message unlike any other */
    static DemoMessage of(String from, String to, byte[] token, Instant date) {
        String hex = HexFormat.of().formatHex(token);
        String text = "Hello Bob,\r\n\r\nthis message went from " + domain(from) + " to " + domain(to)
                + " through two SEMP gateways.\r\nDemo token: " + hex + "\r\n\r\nAlice\r\n";
        return new DemoMessage(from, to, "SEMP demo " + hex, text, date);
    }

    String from() {
        return from;
    }

    String to() {
        return to;
    }

    String text() {
        return text;
    }

    /**
     * Sends the message to the SMTP server on 127.0.0.1:{@code port}, from {@code heloName},
     * waiting at most {@code timeout} for the connection and for each reply.
     *
     * @return the server's reply to the end of DATA, e.g. {@code 250 2.0.0 Ok: queued as ...}
     * @throws MessagingException if the server refused it or the connection failed; the message names the reply
     */
    String send(int port, String heloName, Duration timeout) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.smtp.localhost", heloName);
        p.setProperty("mail.from", from);
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        Session session = Session.getInstance(p);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(date));
        message.setText(text, "UTF-8");
        message.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", port, null, null);
            transport.sendMessage(message, message.getAllRecipients());
            return ((SMTPTransport) transport).getLastServerResponse().strip();
        } catch (MessagingException e) {
            throw new MessagingException(describe(e), e);
        }
    }

    /** Jakarta Mail chains the server's replies ({@code Invalid Addresses} wraps {@code 550 5.1.1 ...}): all of them, on one line. */
    private static String describe(MessagingException e) {
        StringBuilder text = new StringBuilder();
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(String.valueOf(next.getMessage()).strip());
        }
        return text.toString();
    }

    /**
     * Why {@code received} is not this message as a SEMP gateway delivers it, or empty when its
     * text body is the one sent (compared after decoding the transfer encoding and charset; the
     * first {@code text/plain} part of a multipart message counts) and it carries exactly one
     * {@value #VERIFICATION} header saying that the seal and the sender's signature verified.
     */
    Optional<String> mismatch(byte[] received) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(received));
            Optional<String> body = plainText(m);
            if (body.isEmpty()) {
                return Optional.of("the message has no text/plain body");
            }
            if (!body.get().equals(text)) {
                return Optional.of("the body differs from the one sent (" + body.get().length() + " characters received, "
                        + text.length() + " sent)");
            }
            String[] verification = m.getHeader(VERIFICATION);
            if (verification == null || verification.length != 1) {
                return Optional.of("the message has " + (verification == null ? "no" : verification.length) + " " + VERIFICATION + " headers, not one");
            }
            if (!verification[0].contains("seal=pass") || !verification[0].contains("sender-signature=pass")) {
                return Optional.of("the gateway did not verify it: " + VERIFICATION + ": " + verification[0]);
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            return Optional.of("the message cannot be parsed: " + e.getMessage());
        }
    }

    private static Optional<String> plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return Optional.of((String) part.getContent());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Optional<String> found = plainText(multipart.getBodyPart(i));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String domain(String address) {
        return address.substring(address.indexOf('@') + 1);
    }
}
