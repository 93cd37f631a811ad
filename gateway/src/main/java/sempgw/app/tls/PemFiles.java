package sempgw.app.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Reads and writes PEM (RFC 7468) certificates and private keys. Key files are written mode 0600, atomically. */
final class PemFiles {
    private PemFiles() {
    }

    static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + file);
            }
            return chain;
        }
    }

    /** Reads an unencrypted private key: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 or SEC 1 ({@code RSA/EC PRIVATE KEY}). */
    static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                switch (o) {
                    case PrivateKeyInfo info -> {
                        return converter.getPrivateKey(info);
                    }
                    case PEMKeyPair pair -> {
                        return converter.getPrivateKey(pair.getPrivateKeyInfo());
                    }
                    default -> {
                        // Parameters or certificates may precede the key; keep looking.
                    }
                }
            }
            throw new GeneralSecurityException("no unencrypted private key in " + file
                    + " (an encrypted key must be decrypted first, for example with: openssl pkey -in key.pem -out plain.pem)");
        }
    }

    static void writeCertificate(Path file, X509Certificate certificate) throws IOException, GeneralSecurityException {
        byte[] der = certificate.getEncoded();
        writeAtomically(file, pem("CERTIFICATE", der), "rw-r--r--");
    }

    /** Writes the key as PKCS#8, mode 0600; the DER and PEM buffers are zeroed afterwards. */
    static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        byte[] der = key.getEncoded();
        byte[] text = pem("PRIVATE KEY", der);
        try {
            writeAtomically(file, text, "rw-------");
        } finally {
            Arrays.fill(der, (byte) 0);
            Arrays.fill(text, (byte) 0);
        }
    }

    private static byte[] pem(String label, byte[] der) {
        byte[] body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(der);
        byte[] head = ("-----BEGIN " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\n-----END " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + body.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        System.arraycopy(tail, 0, out, head.length + body.length, tail.length);
        Arrays.fill(body, (byte) 0);
        return out;
    }

    private static void writeAtomically(Path file, byte[] content, String mode) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
        try (var channel = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
