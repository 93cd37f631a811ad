package sempgw.core.handshake;

import sempgw.core.crypto.Kem;
import sempgw.core.crypto.KemPrivateKey;
import sempgw.core.crypto.RandomSource;

/**
 * Where an initiator's ephemeral key comes from. Production always uses {@link #FRESH}; tests
 * substitute recorded keys to replay semp-go transcripts (the PQ keys there were generated from
 * Kyber round-3 seeds, which ML-KEM key generation cannot reproduce).
 */
@FunctionalInterface
interface EphemeralKeys {
    /** A new key pair per handshake (SESSION.md §2.2: single use). */
    EphemeralKeys FRESH = Kem::generate;

    KemPrivateKey generate(Kem kem, RandomSource random);
}
