package sempgw.core.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.conscrypt.OpenSSLX25519PrivateKey;
import org.conscrypt.OpenSSLX25519PublicKey;
import org.conscrypt.OpenSslEdDsaPublicKey;

/**
 * X25519 and Ed25519 verification in BoringSSL ({@link BoringSsl}).
 *
 * <p>Public keys are accepted by the same rule in both implementations: BouncyCastle's point
 * validation runs first. Verification is BoringSSL's cofactorless check with {@code S < L}, as
 * in semp-go and BouncyCastle.
 *
 * <p>Key material: each agreement copies the scalar into a Conscrypt key that is zeroed right
 * after, and each generated key pair's Conscrypt key is zeroed once its scalar is copied out. The
 * provider's own copies (inside the {@code KeyAgreement}, the generator's scratch array) cannot
 * be zeroed from here; they become unreachable after the operation, as the package documentation
 * says of JCA objects in general.
 */
final class BoringSslCurve25519 implements Curve25519 {
    private static final int LENGTH = 32;

    private final Provider provider;

    BoringSslCurve25519(Provider provider) {
        this.provider = provider;
    }

    @Override
    public String name() {
        return BoringSsl.name();
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public boolean agree(byte[] scalar, byte[] point, byte[] out) {
        byte[] first = scalar.length == LENGTH ? scalar : Arrays.copyOf(scalar, LENGTH);
        OpenSSLX25519PrivateKey key = new OpenSSLX25519PrivateKey(first);
        if (first != scalar) {
            Arrays.fill(first, (byte) 0);
        }
        try {
            KeyAgreement ka = KeyAgreement.getInstance("XDH", provider);
            ka.init(key);
            ka.doPhase(new OpenSSLX25519PublicKey(point.length == LENGTH ? point : Arrays.copyOf(point, LENGTH)), true);
            ka.generateSecret(out, 0);
            return true;
        } catch (InvalidKeyException e) {
            return false; // BoringSSL's X25519 refuses an all-zero result
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Conscrypt X25519 failed", e);
        } finally {
            key.destroy();
        }
    }

    /** BoringSSL's key generation where {@code random} is the system's; BouncyCastle's otherwise. */
    @Override
    public KeyPair generate(RandomSource random) {
        if (!random.isSystem()) {
            return BouncyCastleCurve25519.INSTANCE.generate(random);
        }
        java.security.KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("XDH", provider).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Conscrypt X25519 key generation failed", e);
        }
        OpenSSLX25519PrivateKey key = (OpenSSLX25519PrivateKey) pair.getPrivate();
        try {
            return new KeyPair(SecretBytes.wrap(key.getU()), ((OpenSSLX25519PublicKey) pair.getPublic()).getU());
        } finally {
            key.destroy();
        }
    }

    @Override
    public Verifier verifier(byte[] publicKey) {
        if (publicKey.length != LENGTH || !Ed25519.validatePublicKeyPartial(publicKey, 0)) {
            return null;
        }
        OpenSslEdDsaPublicKey key = new OpenSslEdDsaPublicKey(publicKey.clone());
        return (context, message, signature) -> {
            try {
                Signature s = Signature.getInstance("Ed25519", provider);
                s.initVerify(key);
                s.update(context.prefixBytes());
                s.update(message);
                return s.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        };
    }
}
