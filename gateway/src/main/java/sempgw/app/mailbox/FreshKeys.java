package sempgw.app.mailbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.KeyType;
import sempgw.core.keys.UserEncryptionPrivateKey;

/**
 * A fresh key set for a mailbox (KEY.md §1): an Ed25519 identity key and one encryption key per
 * suite of the {@link MailboxPolicy}, all current, created at {@code at} and published as valid
 * for the policy's validity.
 */
record FreshKeys(IdentityPrivateKey identity, Map<String, UserEncryptionPrivateKey> decryption, List<MailboxKey> keys) {

    static FreshKeys generate(MailboxPolicy policy, Instant at, RandomSource random) {
        Instant expires = at.plus(policy.validity());
        IdentityPrivateKey identity = IdentityPrivateKey.generate(random);
        List<MailboxKey> keys = new ArrayList<>();
        Map<String, UserEncryptionPrivateKey> decryption = new HashMap<>();
        keys.add(new MailboxKey(KeyType.IDENTITY, MailboxKey.IDENTITY_ALGORITHM, identity.publicKey().bytes(), at, expires, new KeyState.Current()));
        for (SuiteId suite : policy.suites()) {
            UserEncryptionPrivateKey key = UserEncryptionPrivateKey.generate(suite, random);
            keys.add(new MailboxKey(KeyType.ENCRYPTION, suite.wireName(), key.publicKey().bytes(), at, expires, new KeyState.Current()));
            decryption.put(key.keyId().hex(), key);
        }
        return new FreshKeys(identity, decryption, keys);
    }

    /** The new key of {@code suite}, or the first new encryption key when the suite is no longer made. */
    String replacementFor(SuiteId suite) {
        return keys.stream().filter(k -> k.suite().equals(Optional.of(suite))).findFirst()
                .or(() -> keys.stream().filter(k -> k.type() == KeyType.ENCRYPTION).findFirst())
                .orElseThrow().keyId();
    }

    @Override
    public String toString() {
        return "FreshKeys[" + keys + ", redacted]";
    }
}
