package sempgw.smtp.egress.route;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import sempgw.smtp.egress.client.Credentials;
import sempgw.smtp.egress.client.Dialect;
import sempgw.smtp.egress.client.TlsPolicy;

/**
 * Where mail for a domain goes: the next hop, the protocol and the TLS policy. Written like
 * Postfix next-hop specifications: {@code example.org:25} looks up MX records, {@code [host]:port}
 * does not (RFC 5321 §5.1 vs. a configured relay), {@code lmtp:[host]:24} and
 * {@code lmtp:unix:/path} speak LMTP (RFC 2033) to a mailbox server.
 */
public sealed interface Route {

    Dialect dialect();

    TlsPolicy tls();

    Optional<Credentials> credentials();

    /**
     * The next-hop destination, for example {@code smtp:example.org:25} or {@code smtp:[relay.example]:587}:
     * what the queue manager limits concurrency per and what connections are reused within.
     */
    String destination();

    /** The key of the connection pool: sessions are shared only between identical routes. */
    default String poolKey() {
        return destination() + "/" + tls() + credentials().map(c -> "/" + c.username()).orElse("");
    }

    /** Delivery by MX lookup of {@code domain} (RFC 5321 §5.1), to {@code port} on each exchange. */
    record Mx(String domain, int port, TlsPolicy tls, Optional<Credentials> credentials) implements Route {
        public Mx {
            domain = domain.toLowerCase(Locale.ROOT);
            checkPort(port);
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(credentials, "credentials");
        }

        @Override
        public Dialect dialect() {
            return Dialect.SMTP;
        }

        @Override
        public String destination() {
            return "smtp:" + domain + ":" + port;
        }
    }

    /** Delivery to one named host or address literal, without MX lookup (a smarthost or a mailbox server). */
    record Host(Dialect dialect, String host, int port, TlsPolicy tls, Optional<Credentials> credentials) implements Route {
        public Host {
            Objects.requireNonNull(dialect, "dialect");
            host = host.toLowerCase(Locale.ROOT);
            checkPort(port);
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(credentials, "credentials");
        }

        @Override
        public String destination() {
            return dialect.name().toLowerCase(Locale.ROOT) + ":[" + host + "]:" + port;
        }
    }

    /** LMTP over a Unix-domain socket; TLS does not apply. */
    record Unix(Path path) implements Route {
        public Unix {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Dialect dialect() {
            return Dialect.LMTP;
        }

        @Override
        public TlsPolicy tls() {
            return TlsPolicy.NONE;
        }

        @Override
        public Optional<Credentials> credentials() {
            return Optional.empty();
        }

        @Override
        public String destination() {
            return "lmtp:unix:" + path;
        }
    }

    /** The same route logging in with {@code login}; only SMTP routes to a host or MX can. */
    default Route withCredentials(Credentials login) {
        return switch (this) {
            case Mx mx -> new Mx(mx.domain(), mx.port(), mx.tls(), Optional.of(login));
            case Host host -> new Host(host.dialect(), host.host(), host.port(), host.tls(), Optional.of(login));
            case Unix unix -> throw new IllegalArgumentException("no SMTP AUTH on " + unix.destination());
        };
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
