package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sempgw.app.semp.TestMailbox;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.store.queue.QueueId;

/** The composed-envelope cache stays within its bytes and entries, dropping the oldest first. */
final class ComposedCacheTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final SuiteId SUITE = SuiteId.X25519_CHACHA20_POLY1305;
    static ComposedEnvelope envelope;

    @BeforeAll
    static void compose() throws Exception {
        RandomSource random = RandomSource.secure();
        TestMailbox alice = new TestMailbox("alice@a.test", IdentityPrivateKey.generate(random),
                Map.of(SUITE, UserEncryptionPrivateKey.generate(SUITE, random)));
        TestMailbox bob = new TestMailbox("bob@b.test", IdentityPrivateKey.generate(random),
                Map.of(SUITE, UserEncryptionPrivateKey.generate(SUITE, random)));
        envelope = alice.compose(bob, DomainEncryptionPrivateKey.generate(SUITE, random).publicKey(), SUITE, "hi", "hello", NOW);
    }

    private static QueueId id(int n) {
        return new QueueId("Q00000000" + n);
    }

    private static boolean kept(ComposedCache cache, int n) {
        return cache.get(id(n), "b.test", List.of("bob@b.test"), NOW).isPresent();
    }

    @Test
    void put_overTheByteBound_oldestDroppedUntilItFits() {
        ComposedCache cache = new ComposedCache(100, e -> 40);
        for (int n = 1; n <= 3; n++) {
            cache.put(id(n), "b.test", List.of("bob@b.test"), List.of(envelope));
        }

        assertThat(kept(cache, 1)).isFalse();
        assertThat(kept(cache, 2)).isTrue();
        assertThat(kept(cache, 3)).isTrue();
        assertThat(cache.bytes()).isEqualTo(80);
    }

    @Test
    void put_envelopesLargerThanTheWholeBound_notKept_andTheirOlderCopyGone() {
        ComposedCache cache = new ComposedCache(100, e -> 60);
        cache.put(id(1), "b.test", List.of("bob@b.test"), List.of(envelope));
        cache.put(id(2), "b.test", List.of("bob@b.test"), List.of(envelope));
        cache.put(id(1), "b.test", List.of("bob@b.test"), List.of(envelope, envelope));

        assertThat(kept(cache, 1)).isFalse();
        assertThat(kept(cache, 2)).isTrue();
        assertThat(cache.bytes()).isEqualTo(60);
    }

    @Test
    void remove_releasesItsBytes() {
        ComposedCache cache = new ComposedCache(100, e -> 30);
        cache.put(id(1), "b.test", List.of("bob@b.test"), List.of(envelope));
        cache.put(id(2), "b.test", List.of("bob@b.test"), List.of(envelope));

        cache.remove(id(1), "b.test");
        cache.remove(id(1), "b.test");

        assertThat(cache.bytes()).isEqualTo(30);
    }

    @Test
    void defaultCache_measuresTheWireSize() {
        ComposedCache cache = new ComposedCache();

        cache.put(id(1), "b.test", List.of("bob@b.test"), List.of(envelope));

        assertThat(cache.bytes()).isEqualTo(EnvelopeCodec.encodedLength(envelope.envelope())).isGreaterThan(1000);
        assertThat(kept(cache, 1)).isTrue();
    }
}
