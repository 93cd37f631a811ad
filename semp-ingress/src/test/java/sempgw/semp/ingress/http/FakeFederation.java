package sempgw.semp.ingress.http;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import sempgw.semp.ingress.Conversation;
import sempgw.semp.ingress.FederationEndpoint;

/**
 * A scripted peer-facing federation endpoint. Each conversation answers {@code c<n>:<turn>:<text>};
 * {@code silent} gets no reply, {@code bye} a reply and then {@code finished()}, {@code block...}
 * waits for {@link #release}, {@code boom} throws, {@code garbage} is malformed (and
 * {@code garbage-bye} also finishes the conversation). Messages starting {@code env-} stand for
 * envelopes: offered to run {@link Conversation#concurrently} ({@code env-block...} waits for
 * {@link #release} too); anything else runs in turn, and {@link Talk#notAlone} counts turns that
 * found another handling running.
 */
final class FakeFederation implements FederationEndpoint {
    final List<Talk> conversations = new CopyOnWriteArrayList<>();
    final CountDownLatch released = new CountDownLatch(1);
    final AtomicInteger offEventLoopViolations = new AtomicInteger();

    @Override
    public Conversation open(InetSocketAddress remote, String transport) {
        Talk talk = new Talk(conversations.size() + 1, transport);
        conversations.add(talk);
        return talk;
    }

    void release() {
        released.countDown();
    }

    final class Talk implements Conversation {
        final int number;
        final String transport;
        final List<String> received = new CopyOnWriteArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);
        final AtomicInteger closeCalls = new AtomicInteger();
        private final AtomicInteger active = new AtomicInteger();
        final AtomicInteger maxActive = new AtomicInteger();
        final AtomicInteger notAlone = new AtomicInteger();
        final AtomicInteger offered = new AtomicInteger();
        private boolean finished;
        private boolean malformed;

        Talk(int number, String transport) {
            this.number = number;
            this.transport = transport;
        }

        @Override
        public Optional<byte[]> onMessage(byte[] message, Instant now) {
            if (!Thread.currentThread().isVirtual()) {
                offEventLoopViolations.incrementAndGet();
            }
            int running = active.incrementAndGet();
            maxActive.accumulateAndGet(running, Math::max);
            if (running > 1) {
                notAlone.incrementAndGet();
            }
            try {
                String text = new String(message, StandardCharsets.UTF_8);
                received.add(text);
                malformed = text.startsWith("garbage");
                finished |= text.equals("garbage-bye");
                if (malformed) {
                    return Optional.empty();
                }
                switch (text) {
                    case "silent" -> {
                        return Optional.empty();
                    }
                    case "bye" -> finished = true;
                    case "boom" -> throw new IllegalStateException("scripted failure");
                    default -> {
                        if (text.startsWith("block") || text.startsWith("env-block")) {
                            await();
                        }
                    }
                }
                return Optional.of(("c" + number + ":" + received.size() + ":" + text).getBytes(StandardCharsets.UTF_8));
            } finally {
                active.decrementAndGet();
            }
        }

        @Override
        public Optional<Function<Instant, Answer>> concurrently(byte[] message, Instant now) {
            offered.incrementAndGet();
            String text = new String(message, StandardCharsets.UTF_8);
            if (!text.startsWith("env-")) {
                return Optional.empty();
            }
            return Optional.of(at -> {
                maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
                try {
                    received.add(text);
                    if (text.startsWith("env-block")) {
                        await();
                    }
                    return new Answer(Optional.of(("c" + number + ":" + text).getBytes(StandardCharsets.UTF_8)), false);
                } finally {
                    active.decrementAndGet();
                }
            });
        }

        int active() {
            return active.get();
        }

        private void await() {
            try {
                released.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean finished() {
            return finished;
        }

        @Override
        public boolean lastMessageMalformed() {
            return malformed;
        }

        @Override
        public void close() {
            closeCalls.incrementAndGet();
            closed.countDown();
        }
    }
}
