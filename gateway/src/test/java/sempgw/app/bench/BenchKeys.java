package sempgw.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.seal.DomainDecryptionKeys;
import sempgw.core.envelope.seal.SenderDomainKeys;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.UserEncryptionPrivateKey;

/**
 * Every key of a run, generated once: the receiving domain {@value #RECEIVER} (signing key, one
 * domain encryption key per suite, and its mailbox {@value #MAILBOX}'s user keys) and the sending
 * domains {@code a00.example}, {@code a01.example}, ... (a signing key each, and the identity key
 * of their sender {@code alice@}). The published-key lookups both sides use are maps over these.
 */
final class BenchKeys {
    static final String RECEIVER = "b.example";
    static final String MAILBOX = "bob@" + RECEIVER;

    final DomainSigningPrivateKey receiverSigning;
    final Map<SuiteId, DomainEncryptionPrivateKey> receiverEncryption = new LinkedHashMap<>();
    final Map<SuiteId, UserEncryptionPrivateKey> mailbox = new LinkedHashMap<>();
    final Map<String, DomainSigningPrivateKey> senders = new LinkedHashMap<>();
    final Map<String, IdentityPrivateKey> identities = new LinkedHashMap<>();

    BenchKeys(int senderDomains) {
        RandomSource random = RandomSource.secure();
        receiverSigning = DomainSigningPrivateKey.generate(random);
        for (SuiteId suite : SuiteId.values()) {
            receiverEncryption.put(suite, DomainEncryptionPrivateKey.generate(suite, random));
            mailbox.put(suite, UserEncryptionPrivateKey.generate(suite, random));
        }
        for (int i = 0; i < senderDomains; i++) {
            senders.put(senderDomain(i), DomainSigningPrivateKey.generate(random));
            identities.put(senderDomain(i), IdentityPrivateKey.generate(random));
        }
    }

    static String senderDomain(int i) {
        return "a%02d.example".formatted(i);
    }

    List<String> senderDomains(int count) {
        return new ArrayList<>(senders.keySet()).subList(0, count);
    }

    /** The sending domains' published signing keys, as the responder's handshake lookup. */
    DomainKeyLookup senderLookup() {
        return (domain, keyId) -> Optional.ofNullable(senders.get(domain)).map(DomainSigningPrivateKey::publicKey)
                .filter(k -> keyId.map(k.keyId()::equals).orElse(true));
    }

    /** The same keys for the receive pipeline's seal check. */
    SenderDomainKeys senderKeys() {
        return SenderDomainKeys.of(domain -> Optional.ofNullable(senders.get(domain)).map(k -> List.of(k.publicKey())).orElse(List.of()));
    }

    /** The receiving domain's decryption keys, both suites. */
    DomainDecryptionKeys decryptionKeys() {
        List<DomainEncryptionPrivateKey> keys = List.copyOf(receiverEncryption.values());
        return toDomain -> RECEIVER.equals(toDomain) ? keys : List.of();
    }

    /** The receiving domain's published signing key, as a sender's handshake and receipt lookup. */
    DomainKeyLookup receiverLookup() {
        return DomainKeyLookup.of(RECEIVER, receiverSigning.publicKey());
    }
}
