package sempgw.e2e.corpus;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The signers' keys of a corpus, made from its seed so that the same seed gives the same signed
 * messages: an RSA-2048 key with a self-signed S/MIME certificate for the signer's address
 * (RFC 8550 §4.4.3, rfc822Name in subjectAltName) and an RSA-2048 OpenPGP key (RFC 4880 §5.5.2).
 * RSA PKCS #1 v1.5 signatures are deterministic, so the signatures are too.
 *
 * @param smimeKey the S/MIME signing key
 * @param smimeCertificate its certificate
 * @param pgpKey the OpenPGP signing key pair
 */
public record SigningKeys(KeyPair smimeKey, X509Certificate smimeCertificate, PGPKeyPair pgpKey) {
    /** Not registered globally: the tests hand it to BouncyCastle's builders explicitly. */
    static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Map<String, SigningKeys> CACHE = new ConcurrentHashMap<>();

    public static SigningKeys forSeed(long seed, String signer) {
        return CACHE.computeIfAbsent(seed + "/" + signer, k -> create(seed, signer));
    }

    public PGPPublicKey pgpPublicKey() {
        return pgpKey.getPublicKey();
    }

    private static SigningKeys create(long seed, String signer) {
        try {
            KeyPair smime = rsa(seed * 31 + 1);
            KeyPair pgp = rsa(seed * 31 + 2);
            return new SigningKeys(smime, certificate(smime, signer),
                    new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, pgp, Date.from(CREATED)));
        } catch (GeneralSecurityException | OperatorCreationException | PGPException | java.io.IOException e) {
            throw new IllegalStateException("cannot make the corpus's signing keys", e);
        }
    }

    /** SHA1PRNG seeded before its first use is a deterministic generator. */
    private static KeyPair rsa(long seed) throws GeneralSecurityException {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(KeyPair key, String signer)
            throws GeneralSecurityException, OperatorCreationException, java.io.IOException {
        X500Name name = new X500Name("CN=" + signer);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(1),
                Date.from(CREATED), Date.from(CREATED.plusSeconds(20L * 365 * 86_400)), name, key.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.rfc822Name, signer)));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().setProvider(BC)
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(key.getPrivate())));
    }
}
