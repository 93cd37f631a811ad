package sempgw.core.crypto;

import javax.security.auth.DestroyFailedException;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/** {@link MlKem768} from BouncyCastle's lightweight API, which takes raw keys directly. */
final class BcMlKem768 implements MlKem768 {
    static final BcMlKem768 INSTANCE = new BcMlKem768();
    private static final MLKEMParameters PARAMS = MLKEMParameters.ml_kem_768;

    private BcMlKem768() {
    }

    @Override
    public String name() {
        return "BouncyCastle";
    }

    @Override
    public Object prepare(byte[] rawSk) throws CryptoException {
        try {
            return new MLKEMPrivateKeyParameters(PARAMS, rawSk);
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "invalid Kyber768 secret key", e);
        }
    }

    @Override
    public byte[][] encapsulate(byte[] pk, byte[] m) throws CryptoException {
        try {
            SecretWithEncapsulation e = MLKEMGenerator.internalGenerateEncapsulated(new MLKEMPublicKeyParameters(PARAMS, pk), m);
            byte[][] out = {e.getEncapsulation(), e.getSecret()};
            e.destroy();
            return out;
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "invalid Kyber768 public key", e);
        } catch (DestroyFailedException e) {
            throw new IllegalStateException("BouncyCastle could not destroy its copy of the secret", e);
        }
    }

    @Override
    public byte[] decapsulate(Object prepared, byte[] ciphertext) {
        // A new extractor per call keeps it thread-safe.
        return new MLKEMExtractor((MLKEMPrivateKeyParameters) prepared).extractSecret(ciphertext);
    }
}
