package sempgw.core.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.KEM;
import javax.crypto.SecretKey;
import javax.security.auth.DestroyFailedException;
import javax.security.auth.Destroyable;

/**
 * {@link MlKem768} from the JDK's provider (JEP 496). Raw keys are wrapped in the DER the
 * provider reads and writes: SubjectPublicKeyInfo for the public key and PKCS #8 with the
 * {@code expandedKey} form for the private key (id-alg-ml-kem-768, 2.16.840.1.101.3.4.4.2; IETF
 * LAMPS' ML-KEM key formats). The provider draws the message {@code m} as one 32-byte read of the
 * {@link SecureRandom} it is given, so a source that hands it {@code m} makes its encapsulation
 * the internal one; any other read fails.
 */
final class JdkMlKem768 implements MlKem768 {
    static final JdkMlKem768 INSTANCE = new JdkMlKem768();
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("308204b2300b0609608648016503040402038204a100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("30820978020100300b06096086480165030404020482096404820960");

    /** Immutable, and safe for concurrent encapsulators and decapsulators ({@link KEM}); looked up once. */
    private final KEM kem;

    private JdkMlKem768() {
        try {
            kem = KEM.getInstance("ML-KEM");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no ML-KEM (JEP 496)", e);
        }
    }

    @Override
    public String name() {
        return "the JDK (vector intrinsics)";
    }

    @Override
    public Object prepare(byte[] rawSk) throws CryptoException {
        byte[] der = concat(PKCS8_PREFIX, rawSk);
        try {
            return KeyFactory.getInstance("ML-KEM-768").generatePrivate(new LentPkcs8(der));
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "invalid Kyber768 secret key", e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    @Override
    public byte[][] encapsulate(byte[] pk, byte[] m) throws CryptoException {
        try {
            PublicKey key = KeyFactory.getInstance("ML-KEM-768").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, pk)));
            KEM.Encapsulated e = kem.newEncapsulator(key, new GivenMessage(m)).encapsulate();
            return new byte[][] {e.encapsulation(), secret(e.key())};
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "invalid Kyber768 public key", e);
        }
    }

    @Override
    public byte[] decapsulate(Object prepared, byte[] ciphertext) throws CryptoException {
        try {
            return secret(kem.newDecapsulator((PrivateKey) prepared).decapsulate(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoException.Kind.INVALID_CIPHERTEXT, "Kyber768 decapsulation failed", e);
        }
    }

    /**
     * The key's bytes. The provider's {@code SecretKeySpec} cannot be destroyed, so its 32-byte
     * copy of K (the secret before the round-3 derivation) is left to the collector.
     */
    private static byte[] secret(SecretKey key) {
        byte[] k = key.getEncoded();
        if (key instanceof Destroyable d) {
            try {
                d.destroy();
            } catch (DestroyFailedException e) {
                // SecretKeySpec keeps its copy until it is collected.
            }
        }
        return k;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * A PKCS #8 key spec that keeps no copy of the key: {@link PKCS8EncodedKeySpec} would keep one
     * in a field nobody can clear, while the provider's key factory zeroes the copy it is lent
     * once it has read it, and the key it makes is zeroed by {@code destroy()}.
     */
    private static final class LentPkcs8 extends PKCS8EncodedKeySpec {
        private final byte[] der;

        LentPkcs8(byte[] der) {
            super(new byte[0]);
            this.der = der;
        }

        @Override
        public byte[] getEncoded() {
            return der.clone();
        }
    }

    /** Hands the provider {@code m} as its one 32-byte draw; any other draw is a misuse. */
    private static final class GivenMessage extends SecureRandom {
        private static final long serialVersionUID = 1L;

        GivenMessage(byte[] m) {
            super(new Spi(m), null);
        }

        private static final class Spi extends SecureRandomSpi {
            private static final long serialVersionUID = 1L;
            private final byte[] m;
            private boolean used;

            Spi(byte[] m) {
                this.m = m;
            }

            @Override
            protected synchronized void engineNextBytes(byte[] bytes) {
                if (used || bytes.length != m.length) {
                    throw new IllegalStateException("the ML-KEM provider drew other randomness than the 32-byte message");
                }
                used = true;
                System.arraycopy(m, 0, bytes, 0, m.length);
            }

            @Override
            protected void engineSetSeed(byte[] seed) {
                throw new UnsupportedOperationException("not seedable");
            }

            @Override
            protected byte[] engineGenerateSeed(int numBytes) {
                throw new UnsupportedOperationException("not a seed source");
            }
        }
    }
}
