package sempgw.e2e.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;

/**
 * The detached OpenPGP signature of a PGP/MIME multipart/signed message (RFC 3156 §5): a
 * binary-document signature (RFC 4880 §5.2.1, type 0x00) with SHA-256 over the first body part's
 * octets as transmitted (CRLF line ends), ASCII-armored (RFC 4880 §6.2), fixed creation time.
 */
public final class PgpSignature {
    private static final Date CREATED = Date.from(java.time.Instant.parse("2026-11-25T12:00:00Z"));

    private PgpSignature() {
    }

    /** The armored signature, lines ending with CRLF. */
    public static byte[] sign(byte[] content, SigningKeys keys) {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new JcaPGPContentSignerBuilder(keys.pgpPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256).setProvider(SigningKeys.BC),
                    keys.pgpPublicKey());
            generator.init(PGPSignature.BINARY_DOCUMENT, keys.pgpKey().getPrivateKey());
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, CREATED);
            hashed.setIssuerFingerprint(false, keys.pgpPublicKey());
            generator.setHashedSubpackets(hashed.generate());
            generator.update(content);
            ByteArrayOutputStream armored = new ByteArrayOutputStream();
            try (ArmoredOutputStream out = ArmoredOutputStream.builder().clearHeaders().build(armored)) {
                generator.generate().encode(out);
            }
            return new String(armored.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII)
                    .replace("\r\n", "\n").replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        } catch (PGPException | IOException e) {
            throw new IllegalStateException("cannot sign the PGP/MIME test part", e);
        }
    }

    /**
     * Whether {@code armored} holds one valid signature over {@code content} by {@code signer}.
     *
     * @return null when it verifies, else why not
     */
    public static String verify(byte[] content, byte[] armored, PGPPublicKey signer) {
        try {
            Object first = new JcaPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))).nextObject();
            if (!(first instanceof PGPSignatureList list) || list.size() != 1) {
                return "not one OpenPGP signature: " + first;
            }
            PGPSignature signature = list.get(0);
            if (signature.getKeyID() != signer.getKeyID()) {
                return "signed by another key: " + Long.toHexString(signature.getKeyID());
            }
            signature.init(new JcaPGPContentVerifierBuilderProvider().setProvider(SigningKeys.BC), signer);
            signature.update(content);
            return signature.verify() ? null : "the OpenPGP signature does not verify";
        } catch (PGPException | IOException | RuntimeException e) {
            return "the OpenPGP signature does not verify: " + e.getMessage();
        }
    }
}
