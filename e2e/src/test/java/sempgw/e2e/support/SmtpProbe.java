package sempgw.e2e.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Waits until an SMTP server on loopback answers with its {@code 220} greeting. */
public final class SmtpProbe {

    private SmtpProbe() {
    }

    /** True once a connection to 127.0.0.1:port gets a 220 greeting; false after the timeout. */
    public static boolean greets(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (greetsOnce(port)) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean greetsOnce(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            s.setSoTimeout(5000);
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String line = in.readLine();
            while (line != null && line.startsWith("220-")) {
                line = in.readLine();
            }
            boolean ok = line != null && line.startsWith("220");
            s.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return ok;
        } catch (IOException e) {
            return false;
        }
    }
}
