package sempgw.app.semp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.app.config.GatewayConfig;
import sempgw.app.keys.DomainKeys;
import sempgw.store.queue.FsQueue;
import sempgw.store.queue.QueueKey;

/**
 * What the SEMP side of a running gateway owns, started when {@code [semp] enabled = true}:
 * the domain keys ({@link SempKeys}) and the SEMP sender queue, an {@link FsQueue} of its own
 * under {@code semp.queue.dir}, encrypted under the same {@code queue.key_file} as the SMTP
 * queue. {@link #close()} closes the queue, then destroys the keys.
 */
public final class SempComponents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SempComponents.class);
    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private final DomainKeys keys;
    private final FsQueue senderQueue;

    private SempComponents(DomainKeys keys, FsQueue senderQueue) {
        this.keys = keys;
        this.senderQueue = senderQueue;
    }

    /** Loads (or creates) the domain keys and opens the sender queue; on failure nothing stays open. */
    public static SempComponents start(GatewayConfig config, Clock clock) throws IOException {
        DomainKeys keys = SempKeys.open(config, clock);
        if (keys.expires().isBefore(clock.instant().plus(EXPIRY_WARNING))) {
            LOG.warn("semp: the domain keys of {} expire at {}; rotate them (move {} away and publish the new dns-records)",
                    keys.domain(), keys.expires(), config.semp().domainKeysFile());
        }
        try (QueueKey key = QueueKey.loadOrCreate(config.queue().keyFile())) {
            FsQueue queue = FsQueue.open(config.semp().queue().dir(), key, clock);
            LOG.info("semp: domain {}, server id {}, {}; sender queue {} with {} entries", keys.domain(), config.semp().serverId(),
                    keys, config.semp().queue().dir(), queue.entries().size());
            return new SempComponents(keys, queue);
        } catch (IOException | RuntimeException e) {
            keys.close();
            throw e;
        }
    }

    /** Our domain's keys; valid until {@link #close()}. */
    public DomainKeys keys() {
        return keys;
    }

    /** The SEMP sender queue: composed envelopes waiting for delivery to peer domains (DELIVERY.md §2.3). */
    public FsQueue senderQueue() {
        return senderQueue;
    }

    @Override
    public void close() {
        try {
            senderQueue.close();
        } catch (IOException | RuntimeException e) {
            LOG.error("error while closing the SEMP sender queue: {}", e.toString());
        } finally {
            keys.close();
        }
    }
}
