package sempgw.core.envelope.compose;

import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.KeyWrap;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.RecipientBuckets;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.EncryptionPublicKey;
import sempgw.core.keys.UserEncryptionPublicKey;

/**
 * The two recipient maps of one envelope (ENVELOPE.md §4.4, §4.4.1, §7.1 steps 7-9), built in
 * semp-go's order so a scripted random source reproduces go's bytes:
 * <ol>
 *   <li>{@code K_brief} for the recipient domain key, then the sender's home server key (optional),
 *   then each recipient client key;</li>
 *   <li>{@code K_enclosure} for each recipient client key;</li>
 *   <li>dummy entries to the recipient-count buckets, first in {@code enclosure_recipients}, then in
 *   {@code brief_recipients}: a random 32-byte fingerprint and random bytes of a real entry's
 *   length (§4.4.1 "Dummy entry construction").</li>
 * </ol>
 */
final class SealMaps {
    private static final int KEY_LENGTH = 32;

    record Maps(Map<String, String> brief, Map<String, String> enclosure) {
    }

    private SealMaps() {
    }

    static Maps build(SuiteId suite, SecretBytes kBrief, SecretBytes kEnclosure, DomainEncryptionPublicKey domainKey,
                      Optional<DomainEncryptionPublicKey> homeKey, List<UserEncryptionPublicKey> clientKeys,
                      RandomSource random) throws ComposeException {
        int enclosureBucket = RecipientBuckets.enclosureBucket(clientKeys.size()).orElseThrow(() ->
                new ComposeException(ComposeError.TOO_MANY_RECIPIENTS, "more than 1024 recipient keys (ENVELOPE.md §4.4.1)"));
        Map<String, String> brief = new LinkedHashMap<>();
        Map<String, String> enclosure = new LinkedHashMap<>();
        put(brief, suite, domainKey, kBrief, random);
        if (homeKey.isPresent() && !brief.containsKey(homeKey.get().keyId().hex())) {
            put(brief, suite, homeKey.get(), kBrief, random);
        }
        int domainEntries = brief.size();
        for (UserEncryptionPublicKey k : clientKeys) {
            put(brief, suite, k, kBrief, random);
        }
        for (UserEncryptionPublicKey k : clientKeys) {
            put(enclosure, suite, k, kEnclosure, random);
        }
        int entryLength = KeyWrap.wrappedLength(CryptoSuite.of(suite).kem(), KEY_LENGTH);
        addDummies(enclosure, enclosureBucket, entryLength, random);
        addDummies(brief, RecipientBuckets.briefEntries(enclosureBucket, domainEntries), entryLength, random);
        return new Maps(brief, enclosure);
    }

    private static void put(Map<String, String> map, SuiteId suite, EncryptionPublicKey key, SecretBytes k,
                            RandomSource random) throws ComposeException {
        if (key.suite() != suite) {
            throw new ComposeException(ComposeError.SUITE_MISMATCH, "a recipient key is for " + key.suite() + ", not " + suite);
        }
        if (map.containsKey(key.keyId().hex())) {
            return;
        }
        try {
            map.put(key.keyId().hex(), Base64.getEncoder().encodeToString(key.wrap(k, random)));
        } catch (CryptoException e) {
            throw new ComposeException(ComposeError.MISSING_RECIPIENT_KEY, "a recipient key cannot be used: " + e.getMessage());
        }
    }

    private static void addDummies(Map<String, String> map, int target, int entryLength, RandomSource random) {
        while (map.size() < target) {
            String fingerprint = HexFormat.of().formatHex(random.bytes(32));
            String entry = Base64.getEncoder().encodeToString(random.bytes(entryLength));
            map.putIfAbsent(fingerprint, entry);
        }
    }
}
