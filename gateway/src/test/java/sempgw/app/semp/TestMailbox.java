package sempgw.app.semp;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.SempAddress;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.compose.ComposeOptions;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.compose.EnvelopeComposer;
import sempgw.core.envelope.compose.PostmarkIds;
import sempgw.core.envelope.compose.RecipientKeys;
import sempgw.core.envelope.compose.Sender;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.open.EnvelopeOpener;
import sempgw.core.envelope.open.IdentityKeys;
import sempgw.core.envelope.open.OpenedEnvelope;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.KeyType;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.semp.ingress.documents.InMemoryUserKeyDirectory;

/**
 * A SEMP user's client keys, as a mailbox agent would hold them: an Ed25519 identity key and one
 * encryption key per suite, published through a gateway's {@link InMemoryUserKeyDirectory}.
 * Composes envelopes from this address and opens envelopes addressed to it.
 */
public record TestMailbox(String address, IdentityPrivateKey identity, Map<SuiteId, UserEncryptionPrivateKey> encryption) {
    private static final int MAX_WIRE = 64 << 20;

    /** Generates the keys and publishes them (identity, then every encryption key) in {@code directory}. */
    public static TestMailbox provision(String address, InMemoryUserKeyDirectory directory, Instant now) throws Exception {
        RandomSource random = RandomSource.secure();
        IdentityPrivateKey identity = IdentityPrivateKey.generate(random);
        Map<SuiteId, UserEncryptionPrivateKey> encryption = Map.of(
                SuiteId.PQ_KYBER768_X25519, UserEncryptionPrivateKey.generate(SuiteId.PQ_KYBER768_X25519, random),
                SuiteId.X25519_CHACHA20_POLY1305, UserEncryptionPrivateKey.generate(SuiteId.X25519_CHACHA20_POLY1305, random));
        SempAddress a = SempAddress.parse(address);
        Instant expires = now.plus(Duration.ofDays(365));
        directory.provision(a);
        directory.publish(a, KeyType.IDENTITY, "ed25519", identity.publicKey().bytes(), now, expires, now);
        for (var e : encryption.entrySet()) {
            directory.publish(a, KeyType.ENCRYPTION, e.getKey().wireName(), e.getValue().publicKey().bytes(), now, expires, now);
        }
        return new TestMailbox(address, identity, encryption);
    }

    /**
     * Composes one envelope from this mailbox to {@code to} in {@code suite}: the brief and
     * enclosure wrapped for the recipient's domain key and client key (ENVELOPE.md §7.1).
     */
    public ComposedEnvelope compose(TestMailbox to, DomainEncryptionPublicKey toDomainKey, SuiteId suite, String subject, String text,
            Instant now) throws Exception {
        String toDomain = to.address().substring(to.address().indexOf('@') + 1);
        RandomSource random = RandomSource.secure();
        String messageId = HexFormat.of().formatHex(random.bytes(12)) + "@" + address.substring(address.indexOf('@') + 1);
        Draft draft = new Draft(Brief.of(messageId, address, List.of(to.address()), now),
                Enclosure.of(subject, "text/plain", text));
        RecipientKeys keys = new RecipientKeys(Map.of(toDomain, toDomainKey),
                Map.of(to.address(), List.of(to.encryption().get(suite).publicKey())));
        List<ComposedEnvelope> out = new EnvelopeComposer(ComposeOptions.defaults(suite), random, PostmarkIds.ulid(now, random))
                .compose(draft, Sender.of(identity), keys, "", now);
        return out.stream().filter(c -> c.envelope().postmark().toDomain().equals(toDomain)).findFirst().orElseThrow();
    }

    /** Opens a received envelope with this mailbox's client keys, trusting {@code from}'s identity key. */
    public OpenedEnvelope open(byte[] wire, TestMailbox from) throws Exception {
        EnvelopeOpener opener = new EnvelopeOpener(List.copyOf(encryption.values()), IdentityKeys.of(from.address(), from.identity().publicKey()),
                Set.of());
        return opener.open(EnvelopeCodec.decode(wire, MAX_WIRE).envelope());
    }
}
