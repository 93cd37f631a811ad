package sempgw.app.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The control channel's client end, used by {@code semp-gateway queue ...}: one request, one reply. */
public final class ControlClient {
    private ControlClient() {
    }

    /** @throws IOException if no gateway answers on {@code socket} */
    public static ControlReply send(Path socket, ControlRequest request) throws IOException {
        if (!Files.exists(socket)) {
            throw new IOException("no control socket at " + socket + ": is the gateway running (with this configuration)?");
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                // A socket file left by a gateway that was killed (Connection refused), or one this user may not use.
                throw new IOException("no gateway answers on " + socket + " (" + e.getMessage()
                        + "): is the gateway running (with this configuration)?", e);
            }
            ByteBuffer out = ByteBuffer.wrap((request.line() + "\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            BufferedReader in = new BufferedReader(Channels.newReader(channel, StandardCharsets.UTF_8));
            ControlReply.Decoder decoder = new ControlReply.Decoder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                ControlReply reply = decoder.add(line);
                if (reply != null) {
                    return reply;
                }
            }
            throw new IOException("the gateway closed the control connection without a complete reply");
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Whether a live server answers on {@code socket} (false for a stale socket file). */
    static boolean answers(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
