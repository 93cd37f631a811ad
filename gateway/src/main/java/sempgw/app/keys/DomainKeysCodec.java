package sempgw.app.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.InsecureSecretAccess;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainSigningPrivateKey;

/**
 * The plaintext inside a {@link SealedBox}, version 1, big-endian:
 * <pre>
 * string domain | int64 created (epoch seconds) | uint8 count | count × (string algorithm | bytes secret)
 * string = uint16 length | UTF-8;  bytes = uint16 length | octets
 * algorithm "ed25519" = the signing key's RFC 8032 seed; a suite id (ENVELOPE.md §7.3.1) = that
 * suite's encryption key in semp-core's raw layout
 * </pre>
 * The buffer is sized exactly, so no partial copy of a secret is left behind in a grown array;
 * callers zero it after use.
 */
final class DomainKeysCodec {
    static final String SIGNING = "ed25519";

    private DomainKeysCodec() {
    }

    static byte[] encode(DomainKeys keys) {
        List<byte[]> names = new ArrayList<>();
        List<byte[]> secrets = new ArrayList<>();
        names.add(utf8(SIGNING));
        secrets.add(keys.signing().exportSeedInsecure(InsecureSecretAccess.get()));
        keys.encryption().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            names.add(utf8(e.getKey().wireName()));
            secrets.add(e.getValue().exportInsecure(InsecureSecretAccess.get()));
        });
        byte[] domain = utf8(keys.domain());
        int size = 2 + domain.length + 8 + 1;
        for (int i = 0; i < names.size(); i++) {
            size += 2 + names.get(i).length + 2 + secrets.get(i).length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putShort((short) domain.length).put(domain).putLong(keys.created().getEpochSecond()).put((byte) names.size());
        for (int i = 0; i < names.size(); i++) {
            out.putShort((short) names.get(i).length).put(names.get(i));
            out.putShort((short) secrets.get(i).length).put(secrets.get(i));
            Arrays.fill(secrets.get(i), (byte) 0);
        }
        return out.array();
    }

    /** @throws IOException naming {@code what} if the content is malformed or holds an unknown or invalid key */
    static DomainKeys decode(byte[] plaintext, String what) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(plaintext);
        DomainSigningPrivateKey signing = null;
        Map<SuiteId, DomainEncryptionPrivateKey> encryption = new LinkedHashMap<>();
        try {
            String domain = new String(field(in), StandardCharsets.UTF_8);
            Instant created = Instant.ofEpochSecond(in.getLong());
            int count = in.get() & 0xFF;
            for (int i = 0; i < count; i++) {
                String algorithm = new String(field(in), StandardCharsets.UTF_8);
                byte[] secret = field(in);
                try {
                    if (algorithm.equals(SIGNING) && signing == null) {
                        signing = DomainSigningPrivateKey.fromSeed(secret);
                    } else {
                        SuiteId suite = SuiteId.parse(algorithm).orElseThrow(() -> new IOException(what + " holds a key of unknown algorithm " + algorithm));
                        if (encryption.containsKey(suite)) {
                            throw new IOException(what + " holds two " + algorithm + " keys");
                        }
                        encryption.put(suite, DomainEncryptionPrivateKey.fromRaw(suite, secret));
                    }
                } finally {
                    Arrays.fill(secret, (byte) 0);
                }
            }
            if (in.hasRemaining() || signing == null || encryption.isEmpty()) {
                throw new IOException(what + " is malformed: " + (in.hasRemaining() ? "trailing bytes" : "a signing or encryption key is missing"));
            }
            return new DomainKeys(domain, created, signing, encryption);
        } catch (CryptoException | IOException | RuntimeException e) {
            if (signing != null) {
                signing.destroy();
            }
            encryption.values().forEach(DomainEncryptionPrivateKey::destroy);
            throw e instanceof IOException io ? io : new IOException(what + " is malformed: " + e.getMessage(), e);
        }
    }

    private static byte[] field(ByteBuffer in) {
        byte[] b = new byte[in.getShort() & 0xFFFF];
        in.get(b);
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
