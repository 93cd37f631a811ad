package sempgw.agent;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Real S/MIME (RFC 8551, CMS detached over the first part of multipart/signed) and PGP/MIME
 * (RFC 3156, detached OpenPGP signature) signatures made and checked with BouncyCastle.
 */
final class Signatures {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final KeyPair SMIME_KEY = ecKey();
    private static final X509Certificate CERT = certificate(SMIME_KEY);
    private static final JcaPGPKeyPair PGP_KEY = pgpKey();

    private Signatures() {
    }

    /** A detached CMS signature over {@code content}, DER. */
    static byte[] smimeSign(byte[] content) {
        try {
            CMSSignedDataGenerator g = new CMSSignedDataGenerator();
            g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(SMIME_KEY.getPrivate()), CERT));
            return g.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** True when {@code signature} is a valid detached CMS signature of {@code content} by our certificate. */
    static boolean smimeVerifies(byte[] content, byte[] signature) {
        try {
            CMSSignedData data = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            for (SignerInformation si : data.getSignerInfos().getSigners()) {
                if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(CERT))) {
                    return false;
                }
            }
            return !data.getSignerInfos().getSigners().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** An ASCII-armored detached OpenPGP signature (binary document) over {@code content}. */
    static String pgpSign(byte[] content) {
        try {
            PGPSignatureGenerator g = new PGPSignatureGenerator(
                    new JcaPGPContentSignerBuilder(PublicKeyAlgorithmTags.ECDSA, HashAlgorithmTags.SHA256).setProvider(BC),
                    PGP_KEY.getPublicKey());
            g.init(PGPSignature.BINARY_DOCUMENT, PGP_KEY.getPrivateKey());
            g.update(content);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
                g.generate().encode(armor);
            }
            return out.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n").replace("\n", "\r\n");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** True when {@code armored} is a valid signature of {@code content} by our PGP key. */
    static boolean pgpVerifies(byte[] content, byte[] armored) {
        try {
            JcaPGPObjectFactory f = new JcaPGPObjectFactory(PGPUtil.getDecoderStream(new java.io.ByteArrayInputStream(armored)));
            PGPSignature sig = ((PGPSignatureList) f.nextObject()).get(0);
            sig.init(new JcaPGPContentVerifierBuilderProvider().setProvider(BC), PGP_KEY.getPublicKey());
            sig.update(content);
            return sig.verify();
        } catch (Exception | AssertionError e) {
            return false;
        }
    }

    /** Base64 in 76-column lines, CRLF after each. */
    static String base64Lines(byte[] data) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data) + "\r\n";
    }

    private static KeyPair ecKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static X509Certificate certificate(KeyPair kp) {
        try {
            X500Name name = new X500Name("CN=alice@corp.example");
            Date from = new Date(System.currentTimeMillis() - 86_400_000L);
            Date to = new Date(System.currentTimeMillis() + 86_400_000L);
            var holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, from, to, name, kp.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(kp.getPrivate()));
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JcaPGPKeyPair pgpKey() {
        try {
            Security.addProvider(BC);
            return new JcaPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.ECDSA, ecKey(), new Date());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
