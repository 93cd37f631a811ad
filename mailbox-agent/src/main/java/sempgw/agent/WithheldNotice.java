package sempgw.agent;

import java.nio.charset.StandardCharsets;
import java.util.List;
import sempgw.agent.mime.DateHeader;
import sempgw.agent.mime.HeaderWriter;
import sempgw.agent.mime.MessageIds;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;
import sempgw.core.envelope.brief.Brief;

/**
 * What the mailbox receives instead of content that is not verified (ENVELOPE.md §6.5.3: the
 * client "MUST NOT display the enclosure content as authored by the claimed sender" and
 * "SHOULD surface the verification failure to the user as a security warning"): a notice from
 * the gateway ({@code MAILER-DAEMON@<our host>}, {@code Auto-Submitted: auto-generated}, RFC
 * 3834) whose subject says an unverifiable SEMP message from the claimed sender was withheld,
 * with the brief's claimed sender, time and message id, the verification header saying why, and
 * none of the content. Its Message-ID is derived from the SEMP message id and our host, so a
 * retried delivery yields the same notice.
 */
final class WithheldNotice {
    private WithheldNotice() {
    }

    static byte[] render(InboundContext ctx) {
        Brief b = ctx.brief();
        String host = host(ctx.localHost());
        String verification = VerificationHeader.render(ctx.verification());
        StringBuilder h = new StringBuilder(VerificationHeader.field(ctx.verification()));
        h.append(HeaderWriter.addresses("From", List.of(HeaderWriter.mailbox(java.util.Optional.of("SEMP gateway"), "MAILER-DAEMON@" + host))));
        h.append(HeaderWriter.addresses("To", List.of(mailbox(ctx.mailboxAddress()))));
        h.append(HeaderWriter.unstructured("Subject", "Unverifiable SEMP message from " + b.from() + " withheld"));
        h.append(HeaderWriter.simple("Date", DateHeader.format(ctx.receivedAt())));
        h.append(HeaderWriter.simple("Message-ID", "<withheld." + MessageIds.encodeLeft(b.messageId()) + "@" + host + ">"));
        h.append(HeaderWriter.simple("Auto-Submitted", "auto-generated"));
        h.append(HeaderWriter.simple("MIME-Version", "1.0"));
        String text = """
                A message sent to you over SEMP was withheld by the mail gateway because
                it could not be verified as written by its claimed sender.

                  Claimed sender:    %s
                  Claimed sent at:   %s
                  SEMP message id:   %s
                  Verification:      %s

                SEMP forbids showing such content as the sender's (ENVELOPE.md section
                6.5.3): it may be forged or altered in transit. The content is not included.
                If you expected this message, ask the sender to send it again; your mail
                administrator can find it in the gateway log by its SEMP message id.
                """.formatted(b.from(), DateHeader.format(b.sentAt()), b.messageId(), verification);
        MimeBuilder.Part body = MimeBuilder.text("text/plain", text);
        h.append(body.headers()).append("\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + body.body().length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body.body(), 0, out, head.length, body.body().length);
        return out;
    }

    private static String host(String localHost) {
        try {
            return SempAddress.canonicalDomain(localHost);
        } catch (InvalidAddressException e) {
            return "localhost";
        }
    }

    private static String mailbox(String address) {
        return address.lastIndexOf('@') > 0 ? HeaderWriter.addrSpec(address) : "undisclosed-recipients:;";
    }
}
