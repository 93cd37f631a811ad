package sempgw.app.mailbox;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.InsecureSecretAccess;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.KeyType;
import sempgw.core.keys.RevocationReason;
import sempgw.core.keys.UserEncryptionPrivateKey;

/**
 * The plaintext of one mailbox file, inside its sealed box. Version 1, big-endian:
 * <pre>
 * uint8 version | string address | uint8 flags (1 advertise, 2 removing) | uint16 count | count × key
 * key    = uint8 type (1 identity, 2 encryption) | string algorithm | bytes public key
 *          | int64 created | int64 expires (epoch seconds) | state | bytes private key (empty when revoked)
 * state  = uint8 (0 current, 1 retired, 2 revoked) | int64 at | int64 decrypt_until
 *          | string reason (revoked: KEY.md §8.2 wire name) | string replacement key id
 * string = uint16 length | UTF-8;  bytes = uint16 length | octets
 * </pre>
 * Private keys are the identity key's RFC 8032 seed and the encryption keys' raw form in
 * semp-core's layout. On decoding, each private key must match its public key. The buffer is
 * sized exactly, so no partial copy of a secret is left behind; callers zero it after use.
 */
final class MailboxCodec {
    static final int VERSION = 1;

    private MailboxCodec() {
    }

    static byte[] encode(Mailbox m) {
        byte[] address = utf8(m.address().toString());
        List<byte[]> fields = new ArrayList<>();
        int size = 1 + 2 + address.length + 1 + 2;
        for (MailboxKey k : m.keys()) {
            byte[][] f = {utf8(k.algorithm()), k.publicKey(), utf8(reason(k.state())), utf8(replacement(k.state())), secret(m, k)};
            fields.addAll(List.of(f));
            size += 1 + 8 + 8 + 1 + 8 + 8;
            for (byte[] b : f) {
                size += 2 + b.length;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put((byte) VERSION).putShort((short) address.length).put(address);
        out.put((byte) ((m.advertise() ? 1 : 0) | (m.removing() ? 2 : 0))).putShort((short) m.keys().size());
        for (int i = 0; i < m.keys().size(); i++) {
            MailboxKey k = m.keys().get(i);
            out.put((byte) (k.type() == KeyType.IDENTITY ? 1 : 2));
            put(out, fields.get(5 * i));
            put(out, fields.get(5 * i + 1));
            out.putLong(k.created().getEpochSecond()).putLong(k.expires().getEpochSecond());
            putState(out, k.state());
            for (int f = 2; f < 5; f++) {
                put(out, fields.get(5 * i + f));
            }
            Arrays.fill(fields.get(5 * i + 4), (byte) 0);
        }
        return out.array();
    }

    /** @throws IOException naming {@code what} if the content is malformed or a private key does not match its public key */
    static Mailbox decode(byte[] plaintext, String what) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(plaintext);
        Optional<IdentityPrivateKey> identity = Optional.empty();
        Map<String, UserEncryptionPrivateKey> decryption = new HashMap<>();
        try {
            if ((in.get() & 0xFF) != VERSION) {
                throw new IOException(what + " has content version " + (plaintext[0] & 0xFF) + "; this gateway reads version " + VERSION);
            }
            SempAddress address = SempAddress.parse(string(in));
            int flags = in.get() & 0xFF;
            int count = in.getShort() & 0xFFFF;
            List<MailboxKey> keys = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                KeyType type = switch (in.get()) {
                    case 1 -> KeyType.IDENTITY;
                    case 2 -> KeyType.ENCRYPTION;
                    default -> throw new IOException(what + " is malformed: unknown key type");
                };
                String algorithm = string(in);
                byte[] publicKey = bytes(in);
                Instant created = Instant.ofEpochSecond(in.getLong());
                Instant expires = Instant.ofEpochSecond(in.getLong());
                MailboxKey key = new MailboxKey(type, algorithm, publicKey, created, expires, state(in));
                keys.add(key);
                byte[] secret = bytes(in);
                try {
                    if (secret.length > 0 && type == KeyType.IDENTITY && key.isCurrent() && identity.isEmpty()) {
                        identity = Optional.of(IdentityPrivateKey.fromSeed(secret));
                        matches(identity.get().publicKey().bytes(), publicKey, what);
                    } else if (secret.length > 0 && type == KeyType.ENCRYPTION) {
                        UserEncryptionPrivateKey k = UserEncryptionPrivateKey.fromRaw(key.suite().orElseThrow(), secret);
                        decryption.put(key.keyId(), k);
                        matches(k.publicKey().bytes(), publicKey, what);
                    }
                } finally {
                    Arrays.fill(secret, (byte) 0);
                }
            }
            if (in.hasRemaining()) {
                throw new IOException(what + " is malformed: trailing bytes");
            }
            return new Mailbox(address, (flags & 1) != 0, (flags & 2) != 0, keys, identity, decryption);
        } catch (IOException | CryptoException | InvalidAddressException | BufferUnderflowException | IllegalArgumentException e) {
            identity.ifPresent(IdentityPrivateKey::destroy);
            decryption.values().forEach(UserEncryptionPrivateKey::destroy);
            throw e instanceof IOException io ? io : new IOException(what + " is malformed: " + e.getMessage(), e);
        }
    }

    private static void putState(ByteBuffer out, KeyState state) {
        switch (state) {
            case KeyState.Current c -> out.put((byte) 0).putLong(0).putLong(0);
            case KeyState.Retired r -> out.put((byte) 1).putLong(r.at().getEpochSecond()).putLong(r.decryptUntil().getEpochSecond());
            case KeyState.Revoked r -> out.put((byte) 2).putLong(r.at().getEpochSecond()).putLong(0);
        }
    }

    private static KeyState state(ByteBuffer in) throws IOException {
        int code = in.get() & 0xFF;
        Instant at = Instant.ofEpochSecond(in.getLong());
        Instant decryptUntil = Instant.ofEpochSecond(in.getLong());
        String reason = string(in);
        String replacement = string(in);
        return switch (code) {
            case 0 -> new KeyState.Current();
            case 1 -> new KeyState.Retired(at, decryptUntil, replacement);
            case 2 -> new KeyState.Revoked(at, RevocationReason.parse(reason).orElseThrow(() -> new IOException("unknown revocation reason " + reason)),
                    replacement.isEmpty() ? Optional.empty() : Optional.of(replacement));
            default -> throw new IOException("unknown key state " + code);
        };
    }

    private static String reason(KeyState state) {
        return state instanceof KeyState.Revoked r ? r.reason().wireName() : "";
    }

    private static String replacement(KeyState state) {
        return switch (state) {
            case KeyState.Current c -> "";
            case KeyState.Retired r -> r.replacementKeyId();
            case KeyState.Revoked r -> r.replacementKeyId().orElse("");
        };
    }

    private static byte[] secret(Mailbox m, MailboxKey k) {
        if (k.type() == KeyType.IDENTITY) {
            return m.identity().filter(id -> id.keyId().hex().equals(k.keyId()))
                    .map(id -> id.exportSeedInsecure(InsecureSecretAccess.get())).orElse(new byte[0]);
        }
        UserEncryptionPrivateKey d = m.decryption().get(k.keyId());
        return d == null ? new byte[0] : d.exportInsecure(InsecureSecretAccess.get());
    }

    private static void matches(byte[] derived, byte[] stored, String what) throws IOException {
        if (!Arrays.equals(derived, stored)) {
            throw new IOException(what + " holds a private key that does not match its public key");
        }
    }

    private static void put(ByteBuffer out, byte[] b) {
        out.putShort((short) b.length).put(b);
    }

    private static String string(ByteBuffer in) {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] b = new byte[in.getShort() & 0xFFFF];
        in.get(b);
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
