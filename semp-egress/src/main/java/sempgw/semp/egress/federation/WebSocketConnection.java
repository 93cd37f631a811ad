package sempgw.semp.egress.federation;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.MessageTypes;
import sempgw.core.SempReason;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonParser;

/**
 * One WebSocket federation connection: exchanges are serialized (one outstanding message), each
 * reply is one complete text message (TRANSPORT.md §4.1.2). A binary message, an oversized reply,
 * a close or an error ends the connection; a close without a preceding reply is a network
 * failure, never a silent rejection (§4.1.3), except a close with 1009 (RFC 6455 §7.4.1: the
 * message is too big to process), which is the terminal {@code envelope_size_exceeded} as HTTP 413
 * is over h2 (TRANSPORT.md §4.2.2). After a timeout the connection is closed too: a
 * late reply would otherwise be taken for the answer to the next message. While open, a ping
 * goes out every {@link #PING_INTERVAL} from a virtual thread (§4.1.3 keepalive, 30 s
 * recommended); the JDK answers the peer's pings itself. A {@code SEMP_CONFIGURATION_UPDATE} the
 * peer sends unasked, and a message of a type SEMP 1.x does not define (CONFORMANCE.md §9.1.4),
 * are discarded, neither taken for a reply nor ending the connection.
 */
final class WebSocketConnection implements TransportConnection {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);

    private final WebSocket ws;
    private final Inbox inbox;
    private final String host;
    /** RFC 6455 §7.4.1: the peer refuses a message too big to process. */
    static final int MESSAGE_TOO_BIG = 1009;
    /** The keepalive interval (TRANSPORT.md §4.1.3). */
    static final Duration PING_INTERVAL = Duration.ofSeconds(30);

    private final ReentrantLock turn = new ReentrantLock();
    private final Thread keepalive;

    WebSocketConnection(WebSocket ws, Inbox inbox, String host) {
        this.ws = ws;
        this.inbox = inbox;
        this.host = host;
        this.keepalive = Thread.ofVirtual().name("semp-ws-keepalive-" + host).start(this::pingWhileOpen);
    }

    private void pingWhileOpen() {
        try {
            while (isOpen()) {
                Thread.sleep(PING_INTERVAL);
                try {
                    ws.sendPing(ByteBuffer.allocate(0));
                } catch (IllegalStateException e) {
                    // Closed meanwhile, or the previous ping is still being sent: the loop decides.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<byte[]> exchange(byte[] message, Duration timeout) throws DeliveryException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(message)).toString();
        } catch (CharacterCodingException e) {
            throw new DeliveryException("a SEMP message must be UTF-8 text (TRANSPORT.md §4.1.2)", e);
        }
        turn.lock();
        try {
            CompletableFuture<byte[]> reply = inbox.expect();
            long deadline = System.nanoTime() + timeout.toNanos();
            ws.sendText(text, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            close();
            return Optional.empty();
        } catch (ExecutionException e) {
            close();
            if (e.getCause() instanceof TooBig) {
                throw DeliveryException.refusedByPeer(SempReason.ENVELOPE_SIZE_EXCEEDED, "ws " + host + ": " + e.getCause().getMessage());
            }
            throw new DeliveryException("ws " + host + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new DeliveryException("ws exchange interrupted", e);
        } finally {
            turn.unlock();
        }
    }

    @Override
    public boolean isOpen() {
        return !inbox.ended() && !ws.isInputClosed() && !ws.isOutputClosed();
    }

    @Override
    public void close() {
        inbox.end("closed by us");
        keepalive.interrupt();
        try {
            if (!ws.isOutputClosed()) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "");
            }
        } catch (IllegalStateException e) {
            // A send is still pending (we timed out waiting on it): abort below ends it.
        }
        ws.abort();
    }

    /**
     * Receives whole text messages and hands each to the one waiting exchange. The reply limit
     * counts UTF-8 bytes, the size the peer sent, across fragments.
     */
    static final class Inbox implements WebSocket.Listener {
        private final int limit;
        private final StringBuilder partial = new StringBuilder();
        private long partialBytes;
        private CompletableFuture<byte[]> waiting;
        private IllegalStateException endedBecause;

        Inbox(int limit) {
            this.limit = limit;
        }

        synchronized CompletableFuture<byte[]> expect() {
            waiting = new CompletableFuture<>();
            if (endedBecause != null) {
                waiting.completeExceptionally(endedBecause);
            }
            return waiting;
        }

        synchronized boolean ended() {
            return endedBecause != null;
        }

        void end(String why) {
            end(new IllegalStateException(why));
        }

        synchronized void end(IllegalStateException why) {
            if (endedBecause == null) {
                endedBecause = why;
            }
            if (waiting != null) {
                waiting.completeExceptionally(why);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            byte[] complete = null;
            synchronized (this) {
                partialBytes += utf8Length(data);
                if (partialBytes > limit) {
                    end("reply exceeds " + limit + " bytes");
                    partial.setLength(0);
                    ws.abort();
                    return null;
                }
                partial.append(data);
                if (last) {
                    complete = partial.toString().getBytes(StandardCharsets.UTF_8);
                    partial.setLength(0);
                    partialBytes = 0;
                }
            }
            if (complete != null) {
                deliver(ws, complete);
            }
            ws.request(1);
            return null;
        }

        private synchronized void deliver(WebSocket ws, byte[] message) {
            Optional<String> discarded = discarded(message);
            if (discarded.isPresent()) {
                LOG.info("federation {} from the peer discarded (docs/interop.md)", discarded.get());
                return;
            }
            if (waiting == null || waiting.isDone()) {
                end("unsolicited message from the peer (turn-based transport)");
                ws.abort();
                return;
            }
            waiting.complete(message);
        }

        /**
         * What {@code message} is, when it is never the reply to our message and is discarded:
         * <ul>
         *   <li>a {@code SEMP_CONFIGURATION_UPDATE}, which a peer may send unasked (DISCOVERY.md
         *   §3.5.4): a hint, discarded since the spec gives its signature no context prefix
         *   (ENVELOPE.md §4.3) and an unverified notice must not cause a re-fetch; the configuration
         *   is fetched again at its TTL;</li>
         *   <li>a message of a type SEMP 1.x does not define: an unknown optional message type, dropped
         *   silently (CONFORMANCE.md §9.1.4; the spec has no mark that would make one critical).</li>
         * </ul>
         * Empty for anything else, a reply of a defined type or not JSON with a {@code type} at all,
         * which the exchange reads as the reply as before.
         */
        static Optional<String> discarded(byte[] message) {
            Optional<String> type;
            try {
                type = JsonParser.parseObject(message, JsonParser.Options.wire().withMaxBytes(message.length)).optionalString("type");
            } catch (JsonException e) {
                return Optional.empty();
            }
            if (type.isEmpty()) {
                return Optional.empty();
            }
            String t = type.get();
            if (t.equals("SEMP_CONFIGURATION_UPDATE")) {
                return Optional.of("configuration update (not verifiable)");
            }
            if (MessageTypes.defined(t)) {
                return Optional.empty();
            }
            return Optional.of("message of unknown type " + t.substring(0, Math.min(t.length(), 64)).replaceAll("[^A-Za-z0-9_.-]", "?"));
        }

        /** The UTF-8 size of {@code text}; a surrogate pair, even split across fragments, counts 4 (RFC 3629). */
        static long utf8Length(CharSequence text) {
            long n = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            }
            return n;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            end("binary frame (TRANSPORT.md §4.1.2: SEMP messages are text)");
            ws.abort();
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            end(statusCode == MESSAGE_TOO_BIG ? new TooBig() : new IllegalStateException("closed by the peer (" + statusCode + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            end("connection error: " + error.getClass().getSimpleName());
        }
    }

    /** The peer closed with {@link #MESSAGE_TOO_BIG}. */
    static final class TooBig extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        TooBig() {
            super("closed by the peer (1009: the message exceeds its limit, RFC 6455 §7.4.1)");
        }
    }
}
