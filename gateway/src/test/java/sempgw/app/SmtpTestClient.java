package sempgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A send/expect SMTP client for end-to-end tests: one message per connection, every reply checked. */
final class SmtpTestClient {
    private SmtpTestClient() {
    }

    /** Sends one message and returns the queue id from the {@code 250 2.0.0 Ok: queued as ID} reply. */
    static String send(int port, String from, String to, String subject) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO client.test", "250");
            command(out, in, "MAIL FROM:<" + from + ">", "250");
            command(out, in, "RCPT TO:<" + to + ">", "250");
            command(out, in, "DATA", "354");
            String message = "From: <" + from + ">\r\nTo: <" + to + ">\r\nSubject: " + subject + "\r\nMessage-ID: <" + subject.hashCode()
                    + "@client.test>\r\n\r\nHello from the end-to-end test.\r\n.\r\n";
            out.write(message.getBytes(StandardCharsets.US_ASCII));
            String queued = expect(in, "250");
            command(out, in, "QUIT", "221");
            assertThat(queued).startsWith("250 2.0.0 Ok: queued as ");
            return queued.substring("250 2.0.0 Ok: queued as ".length()).strip();
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    /** Reads one (possibly multi-line) reply and returns its last line. */
    private static String expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            assertThat(line).as("reply expected with code %s", code).isNotNull().startsWith(code);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }
}
