package sempgw.app.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code [tls]} table: the certificate the SMTP listener offers with STARTTLS. Unset, the
 * gateway creates a self-signed certificate for {@code smtp.hostname} under
 * {@code <data_dir>/tls} on first start and reuses it afterwards.
 *
 * @param certFile PEM certificate chain, leaf first
 * @param keyFile PEM private key (PKCS#8, or PKCS#1 / SEC 1), unencrypted, readable by the gateway only
 */
public record TlsConfig(Optional<Path> certFile, Optional<Path> keyFile) {
    public TlsConfig {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
    }

    static TlsConfig read(TomlTable t) {
        TlsConfig c = new TlsConfig(t.optionalPath("cert_file"), t.optionalPath("key_file"));
        if (c.certFile.isPresent() != c.keyFile.isPresent()) {
            String missing = c.certFile.isPresent() ? "tls.key_file" : "tls.cert_file";
            throw new ConfigException(missing, "(unset)", "set tls.cert_file and tls.key_file together, or neither for a self-signed certificate");
        }
        t.finish();
        return c;
    }
}
