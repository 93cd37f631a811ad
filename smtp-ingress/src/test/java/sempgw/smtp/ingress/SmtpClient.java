package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A send/expect SMTP client over a real socket, for dialogue tests. Reads time out after 10 s. */
final class SmtpClient implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private SmtpClient(Socket socket) throws IOException {
        use(socket);
    }

    static SmtpClient connect(int port) throws IOException {
        return connect(port, InetAddress.getLoopbackAddress());
    }

    /** Connects from a chosen local address (127.0.0.2 works on Linux loopback). */
    static SmtpClient connect(int port, InetAddress from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        s.setTcpNoDelay(true);
        s.setSoTimeout(10_000);
        return new SmtpClient(s);
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = new BufferedInputStream(s.getInputStream());
        out = s.getOutputStream();
    }

    /** Sends one line with CRLF. */
    SmtpClient send(String line) throws IOException {
        return sendRaw(line + "\r\n");
    }

    SmtpClient sendRaw(String text) throws IOException {
        return sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    SmtpClient sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one reply (all its lines) and checks that it starts with {@code prefix}. */
    String expect(String prefix) throws IOException {
        String reply = reply();
        assertThat(reply).startsWith(prefix);
        return reply;
    }

    /** Reads one complete reply, multi-line replies joined with LF; null at end of stream. */
    String reply() throws IOException {
        StringBuilder all = new StringBuilder();
        while (true) {
            String line = line();
            if (line == null) {
                return all.isEmpty() ? null : all.toString();
            }
            if (!all.isEmpty()) {
                all.append('\n');
            }
            all.append(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return all.toString();
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            buf.write(b);
        }
        return null;
    }

    /** True if the server closed the connection (end of stream) with nothing more to read. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    /** Greets with EHLO and reads the reply. */
    String ehlo() throws IOException {
        send("EHLO client.example");
        return expect("250-");
    }

    /** Runs STARTTLS and the handshake, trusting what {@code client} trusts. */
    SmtpClient startTls(SSLContext client) throws IOException {
        send("STARTTLS");
        expect("220 2.0.0");
        return handshake(client);
    }

    /** The TLS handshake, after the server's 220. */
    SmtpClient handshake(SSLContext client) throws IOException {
        SSLSocket tls = (SSLSocket) client.getSocketFactory().createSocket(socket, "localhost", socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        tls.setSoTimeout(10_000);
        use(tls);
        return this;
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
