package sempgw.e2e.corpus;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The detached CMS signature of an S/MIME multipart/signed message (RFC 8551 §3.5, RFC 5652
 * §5): SHA-256 with RSA over the first body part's octets exactly as transmitted, the signer's
 * certificate included, a fixed signing time (so the same content gives the same signature).
 */
public final class SmimeSignature {
    private static final Date SIGNING_TIME = Date.from(java.time.Instant.parse("2026-11-25T12:00:00Z"));

    private SmimeSignature() {
    }

    /** The DER-encoded SignedData for {@code content} (no encapsulated content: detached). */
    public static byte[] sign(byte[] content, SigningKeys keys) {
        try {
            ASN1EncodableVector time = new ASN1EncodableVector();
            time.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(SIGNING_TIME))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(SigningKeys.BC).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(time)))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(SigningKeys.BC).build(keys.smimeKey().getPrivate()),
                            keys.smimeCertificate()));
            generator.addCertificates(new JcaCertStore(List.of(keys.smimeCertificate())));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot sign the S/MIME test part", e);
        }
    }

    /**
     * Whether {@code signature} is a valid signature over {@code content} by {@code signer}'s certificate.
     *
     * @return null when it verifies, else why not
     */
    public static String verify(byte[] content, byte[] signature, X509Certificate signer) {
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return signers.size() + " signers";
            }
            SignerInformation info = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certificates = signed.getCertificates().getMatches(info.getSID());
            if (certificates.isEmpty()) {
                return "no certificate for the signer";
            }
            X509CertificateHolder certificate = certificates.iterator().next();
            if (!java.util.Arrays.equals(certificate.getEncoded(), signer.getEncoded())) {
                return "signed with another certificate: " + certificate.getSubject();
            }
            return info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(SigningKeys.BC).build(certificate))
                    ? null : "the CMS signature does not verify";
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException | IOException
                 | RuntimeException e) {
            return "the CMS signature does not verify: " + e.getMessage();
        }
    }
}
