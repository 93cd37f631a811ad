package sempgw.app.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.util.Arrays;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import sempgw.app.config.ConfigException;
import sempgw.app.config.TlsConfig;

/** Builds the SSLContext the SMTP listener offers with STARTTLS (RFC 3207) and the SEMP listener with HTTPS, from configured PEM files or the self-signed certificate. */
public final class TlsContexts {
    private TlsContexts() {
    }

    /**
     * @param selfSignedDir where the self-signed certificate lives when none is configured
     * @throws ConfigException if the configured files cannot be read or do not belong together
     */
    public static SSLContext server(TlsConfig config, Path selfSignedDir, String hostname, Clock clock) throws IOException {
        try {
            return context(credentials(config, selfSignedDir, hostname, clock));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    /** The server context for credentials already loaded with {@link #credentials}. */
    public static SSLContext server(ServerCredentials credentials) throws IOException {
        try {
            return context(credentials);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * The configured key and chain, or the self-signed ones (created if missing): what the
     * listeners present, and whose public key {@code dns-records} pins in TLSA.
     *
     * @throws ConfigException if the configured files cannot be read or do not belong together
     */
    public static ServerCredentials credentials(TlsConfig config, Path selfSignedDir, String hostname, Clock clock) throws IOException {
        if (config.certFile().isPresent() && config.keyFile().isPresent()) {
            return configured(config.certFile().get(), config.keyFile().get());
        }
        try {
            return SelfSignedCertificate.loadOrCreate(selfSignedDir, hostname, clock);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load or create the self-signed certificate in " + selfSignedDir + ": " + e.getMessage(), e);
        }
    }

    /** Checks that the configured files can be read and belong together ({@code check-config}). */
    public static void checkConfigured(Path certFile, Path keyFile) {
        configured(certFile, keyFile);
    }

    static ServerCredentials configured(Path certFile, Path keyFile) {
        ServerCredentials credentials;
        try {
            credentials = new ServerCredentials(readKey(keyFile), PemFiles.readCertificates(certFile));
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("tls.cert_file", "\"" + certFile + "\"", "a readable PEM certificate chain (" + e + ")");
        }
        if (!matches(credentials)) {
            throw new ConfigException("tls.key_file", "\"" + keyFile + "\"", "the private key of the certificate in tls.cert_file");
        }
        return credentials;
    }

    private static java.security.PrivateKey readKey(Path keyFile) {
        try {
            return PemFiles.readPrivateKey(keyFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("tls.key_file", "\"" + keyFile + "\"", "a readable, unencrypted PEM private key (" + e + ")");
        }
    }

    static SSLContext context(ServerCredentials credentials) throws GeneralSecurityException, IOException {
        char[] password = new char[24];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("smtp", credentials.privateKey(), password, credentials.chain().toArray(new java.security.cert.Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, random);
            return context;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Signs a challenge with the key and verifies it with the leaf's public key. */
    private static boolean matches(ServerCredentials c) {
        String algorithm = switch (c.privateKey().getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> c.privateKey().getAlgorithm();
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(c.privateKey());
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(c.leaf().getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
