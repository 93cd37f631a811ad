package sempgw.app.demo;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code semp-gateway demo}: starts {@link DemoNetwork} under a fresh temporary directory, sends
 * one message from {@code alice@alpha.test} to {@code bob@beta.test} into alpha's SMTP port,
 * prints each hop the gateways report ({@link HopPrinter}) as it happens, then the message as
 * the mailbox host got it, and {@code delivered} last. Succeeds only when the mailbox host
 * received the message within the timeout, its body is the one sent, it carries the receiving
 * gateway's {@code SEMP-Verification} header with the seal and the sender's signature verified,
 * and the gateways reported the SEMP hops (federation handshake and verified receipt): mail
 * that reached the mailbox another way is reported as such, never as a SEMP delivery.
 */
public final class Demo {
    /** How long the mailbox host's gateway may take to report its delivery after the mailbox host has the message. */
    private static final Duration LAST_HOP_GRACE = Duration.ofSeconds(5);

    /** What the run came to; {@link #message} is printed on the error stream when not {@link Status#DELIVERED}. */
    public record Outcome(Status status, String message) {
    }

    public enum Status { DELIVERED, NOT_DELIVERED, FAILED_TO_START }

    /**
     * @param keep keep the directory (configurations, gateway state, the received message) instead of deleting it
     * @param verbose also print the gateways' own log on the error stream
     * @param timeout how long the message may take from SMTP to the mailbox
     */
    public record Options(boolean keep, boolean verbose, Duration timeout) {
    }

    private final Options options;
    private final Transcript transcript;

    public Demo(Options options, PrintWriter out) {
        this.options = options;
        this.transcript = new Transcript(out);
    }

    public Outcome run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("semp-demo-");
        transcript.line("state in " + dir + (options.keep() ? " (kept: alpha.test.toml, beta.test.toml, each gateway's data, mailbox/*.eml)"
                : " (deleted at the end; --keep keeps it)"));
        try {
            return runIn(dir);
        } finally {
            if (!options.keep()) {
                deleteTree(dir);
            }
        }
    }

    private Outcome runIn(Path dir) throws IOException, InterruptedException {
        try (MailboxSink sink = MailboxSink.start(DemoNetwork.BETA, dir.resolve("mailbox"));
             HopPrinter _ = HopPrinter.install(new HopRecognizer(DemoNetwork.BETA, sink.port()), transcript::hop, options.verbose())) {
            DemoNetwork network;
            try {
                network = DemoNetwork.start(dir, sink.port(), Clock.systemUTC());
            } catch (IOException | RuntimeException e) {
                return new Outcome(Status.FAILED_TO_START, "the demo could not start: " + e.getMessage());
            }
            try (network) {
                describe(network, sink);
                return send(network, sink);
            }
        }
    }

    private void describe(DemoNetwork network, MailboxSink sink) {
        transcript.line("DNS        127.0.0.1:" + network.dns().address().getPort() + " (UDP and TCP), authoritative for "
                + DemoNetwork.ALPHA + " and " + DemoNetwork.BETA);
        transcript.line(DemoNetwork.ALPHA + " gateway: SMTP 127.0.0.1:" + network.alpha().smtpPort() + ", SEMP https://localhost:"
                + network.alpha().semp().httpsPort() + "/");
        transcript.line(DemoNetwork.BETA + "  gateway: SMTP 127.0.0.1:" + network.beta().smtpPort() + ", SEMP https://localhost:"
                + network.beta().semp().httpsPort() + "/");
        transcript.line("mailbox host of " + DemoNetwork.BETA + ": SMTP 127.0.0.1:" + sink.port());
        transcript.line("");
    }

    private Outcome send(DemoNetwork network, MailboxSink sink) throws InterruptedException {
        byte[] token = new byte[8];
        new SecureRandom().nextBytes(token);
        DemoMessage message = DemoMessage.of(DemoNetwork.SENDER, DemoNetwork.RECIPIENT, token, Clock.systemUTC().instant());
        transcript.line("sending " + message.from() + " -> " + message.to() + " into " + DemoNetwork.ALPHA + "'s SMTP port");
        transcript.startClock();
        long deadline = System.nanoTime() + options.timeout().toNanos();
        try {
            String reply = message.send(network.alpha().smtpPort(), "mail.example", options.timeout());
            transcript.hop(new Hop(Hop.Kind.SMTP, DemoNetwork.ALPHA + " accepted the message: " + reply));
        } catch (MessagingException e) {
            transcript.hop(new Hop(Hop.Kind.PROBLEM, DemoNetwork.ALPHA + " did not accept the message: " + e.getMessage()));
            return new Outcome(Status.NOT_DELIVERED, "the gateway of " + DemoNetwork.ALPHA + " did not accept the message: " + e.getMessage());
        }
        Optional<MailboxSink.Received> received = sink.next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        if (received.isEmpty()) {
            return new Outcome(Status.NOT_DELIVERED, "the mailbox of " + message.to() + " received nothing within "
                    + options.timeout().toSeconds() + " s");
        }
        transcript.await(Hop.Kind.MAILBOX, LAST_HOP_GRACE);
        return judge(message, received.get());
    }

    private Outcome judge(DemoMessage message, MailboxSink.Received received) {
        byte[] content = received.content();
        transcript.line("");
        transcript.line("--- the message as the mailbox of " + String.join(", ", received.to()) + " received it (" + content.length
                + " bytes, MAIL FROM:<" + received.from() + ">) ---");
        transcript.line(new String(content, StandardCharsets.UTF_8).stripTrailing());
        transcript.line("--- end of message ---");
        Optional<String> mismatch = message.mismatch(content);
        if (mismatch.isPresent()) {
            return new Outcome(Status.NOT_DELIVERED, "the mailbox received a different message: " + mismatch.get());
        }
        List<String> missing = Stream.of(Hop.Kind.HANDSHAKE, Hop.Kind.RECEIPT).filter(k -> !transcript.seen(k)).map(Hop.Kind::label).toList();
        if (!missing.isEmpty()) {
            return new Outcome(Status.NOT_DELIVERED, "the message reached the mailbox intact, but the gateways reported no SEMP "
                    + String.join(" and no ", missing));
        }
        transcript.line("delivered");
        return new Outcome(Status.DELIVERED, "delivered");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
