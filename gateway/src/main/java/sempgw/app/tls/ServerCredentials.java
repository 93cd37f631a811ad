package sempgw.app.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The SMTP listener's private key and certificate chain (leaf first). {@link #toString()}
 * names the certificate only, never the key.
 */
public record ServerCredentials(PrivateKey privateKey, List<X509Certificate> chain) {
    public ServerCredentials {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least the leaf certificate");
        }
    }

    public X509Certificate leaf() {
        return chain.getFirst();
    }

    @Override
    public String toString() {
        return "ServerCredentials[subject=" + leaf().getSubjectX500Principal().getName()
                + ", notAfter=" + leaf().getNotAfter().toInstant() + ", key=(redacted)]";
    }
}
