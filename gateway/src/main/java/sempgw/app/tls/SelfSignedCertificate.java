package sempgw.app.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.store.PrivateFiles;

/**
 * The certificate used when the operator configured none: an ECDSA P-256 key and a
 * self-signed certificate for the gateway's host name (RFC 5280 §4.2.1.6 subjectAltName),
 * valid ten years, created on first start under {@code <data_dir>/tls} and reused
 * afterwards. A new one is made when the old one has expired or names another host.
 * SMTP clients relaying to us use opportunistic TLS (RFC 3207), which does not verify it.
 */
public final class SelfSignedCertificate {
    static final String CERT_FILE = "selfsigned-cert.pem";
    static final String KEY_FILE = "selfsigned-key.pem";
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);

    private SelfSignedCertificate() {
    }

    public static ServerCredentials loadOrCreate(Path dir, String hostname, Clock clock) throws IOException, GeneralSecurityException {
        Path cert = dir.resolve(CERT_FILE);
        Path key = dir.resolve(KEY_FILE);
        if (Files.exists(cert) && Files.exists(key)) {
            ServerCredentials existing = new ServerCredentials(PemFiles.readPrivateKey(key), PemFiles.readCertificates(cert));
            if (stillGood(existing.leaf(), hostname, clock.instant())) {
                return existing;
            }
            LOG.info("self-signed certificate {} expired or not for {}: making a new one", cert, hostname);
        }
        PrivateFiles.createDirectories(dir);
        ServerCredentials created = create(hostname, clock.instant());
        PemFiles.writePrivateKey(key, created.privateKey());
        PemFiles.writeCertificate(cert, created.leaf());
        LOG.info("created self-signed certificate {} for {}", cert, hostname);
        return created;
    }

    static ServerCredentials create(String hostname, Instant now) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X500Principal name = new X500Principal("CN=" + hostname);
        try {
            var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(127, new SecureRandom()).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, hostname)));
            var holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return new ServerCredentials(pair.getPrivate(), List.of(certificate));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot build the self-signed certificate", e);
        }
    }

    private static boolean stillGood(X509Certificate cert, String hostname, Instant now) throws GeneralSecurityException {
        if (now.isAfter(cert.getNotAfter().toInstant()) || cert.getSubjectAlternativeNames() == null) {
            return false;
        }
        return cert.getSubjectAlternativeNames().stream()
                .anyMatch(san -> (Integer) san.get(0) == GeneralName.dNSName && hostname.equalsIgnoreCase((String) san.get(1)));
    }
}
