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
import sempgw.semp.ingress.Conversation;
import sempgw.semp.ingress.FederationEndpoint;

/**
 * A scripted peer-facing federation endpoint. Each conversation answers {@code c<n>:<turn>:<text>};
 * {@code silent} gets no reply, {@code bye} a reply and then {@code finished()}, {@code block...}
 * waits for {@link #release}, {@code boom} throws, {@code garbage} is malformed (and
 * {@code garbage-bye} also finishes the conversation).
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
            maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
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
                        if (text.startsWith("block")) {
                            await();
                        }
                    }
                }
                return Optional.of(("c" + number + ":" + received.size() + ":" + text).getBytes(StandardCharsets.UTF_8));
            } finally {
                active.decrementAndGet();
            }
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
