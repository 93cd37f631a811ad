package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One SMTP transaction with several recipients, every reply but the one to DATA required to be positive. */
final class SmtpDialogue {
    private SmtpDialogue() {
    }

    /** Sends {@code message} (CRLF lines, no final dot) and returns the final reply to DATA. */
    static String send(int port, String from, List<String> to, String message) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO client.test", "250");
            command(out, in, "MAIL FROM:<" + from + ">", "250");
            for (String r : to) {
                command(out, in, "RCPT TO:<" + r + ">", "250");
            }
            command(out, in, "DATA", "354");
            out.write((message.replace("\r\n.", "\r\n..") + "\r\n.\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String reply = last(in);
            command(out, in, "QUIT", "221");
            return reply;
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(last(in)).as("reply to %s", line).startsWith(code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        assertThat(last(in)).startsWith(code);
    }

    private static String last(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
            assertThat(line).as("a reply").isNotNull();
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }
}
