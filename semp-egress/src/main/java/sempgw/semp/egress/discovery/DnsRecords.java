package sempgw.semp.egress.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * The DNS records an operator publishes so that peers discover the gateway, in zone-file syntax
 * (RFC 1035 §5). Pure: no DNS, no files.
 *
 * <ul>
 *   <li>{@code _semp._tcp.<domain>} SRV pointing at the gateway host (DISCOVERY.md §2.1);</li>
 *   <li>{@code _semp._tcp.<domain>} TXT capability record (DISCOVERY.md §2.2);</li>
 *   <li>{@code _semp.<domain>} TXT session lifetimes (HANDSHAKE.md §3.1);</li>
 *   <li>{@code _<port>._tcp.<host>} TLSA {@code 3 1 1}: DANE-EE for the HTTPS endpoint, SHA-256
 *       of the TLS certificate's SubjectPublicKeyInfo (RFC 6698 §2.1, RFC 7671 §5.1);</li>
 *   <li>{@code _semp-key._tcp.<domain>} TLSA {@code 3 1 1} over the domain signing key's
 *       SubjectPublicKeyInfo (KEY.md §2.1). KEY.md writes {@code 3 0 1} and glosses selector 0 as
 *       "full key", but RFC 6698 §2.1.2 defines selector 0 as the full certificate and 1 as the
 *       SubjectPublicKeyInfo; an Ed25519 domain key has no certificate, so 1 is the only
 *       meaningful selector.</li>
 * </ul>
 */
public final class DnsRecords {

    /** RFC 8410 §4: the DER SubjectPublicKeyInfo prefix of a 32-byte Ed25519 key. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int MAX_CHARACTER_STRING = 255;

    private DnsRecords() {
    }

    /**
     * What the gateway offers under one domain.
     *
     * @param domain          the email domain
     * @param host            the host serving {@code /.well-known/semp/configuration} (the SRV target)
     * @param port            its HTTPS port
     * @param suites          suite identifiers in preference order; must include the baseline
     * @param transports      transport identifiers in preference order; must include h2
     * @param maxEnvelopeSize {@code mes} in bytes
     * @param sessionTtl      the session lifetimes to publish
     * @param ttlSeconds      the DNS TTL of every record
     */
    public record Service(String domain, String host, int port, List<String> suites, List<String> transports,
                          long maxEnvelopeSize, SessionTtl sessionTtl, long ttlSeconds) {

        public Service {
            String d = domain;
            String h = host;
            domain = DomainName.parse(d).orElseThrow(() -> new IllegalArgumentException("invalid domain: " + d)).ascii();
            host = DomainName.parse(h).orElseThrow(() -> new IllegalArgumentException(
                    "invalid host: " + h + " (the SRV target must be a fully qualified domain name)")).ascii();
            suites = List.copyOf(suites);
            transports = List.copyOf(transports);
            Objects.requireNonNull(sessionTtl, "sessionTtl");
            if (port < 1 || port > 65535 || maxEnvelopeSize <= 0 || ttlSeconds < 0 || ttlSeconds > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("port, envelope size or TTL out of range");
            }
            if (!suites.contains(CapabilityRecord.BASELINE_SUITE) || !transports.contains(CapabilityRecord.BASELINE_TRANSPORT)) {
                throw new IllegalArgumentException("the baseline suite and h2 are mandatory (DISCOVERY.md §2.2)");
            }
        }

        /** Both suites, h2 and ws, 25 MiB envelopes, default session lifetimes, TTL 3600. */
        public static Service of(String domain, String host, int port) {
            return new Service(domain, host, port, List.of("pq-kyber768-x25519", CapabilityRecord.BASELINE_SUITE),
                    List.of("h2", "ws"), 26_214_400L, SessionTtl.DEFAULT, 3600);
        }
    }

    /**
     * The zone-file lines for {@code service}.
     *
     * @param tlsKey     the public key of the TLS certificate the host presents
     * @param domainKey  the domain signing key, for the {@code _semp-key._tcp} record
     */
    public static String zone(Service service, PublicKey tlsKey, Optional<DomainSigningPublicKey> domainKey) {
        Objects.requireNonNull(tlsKey, "tlsKey");
        String d = service.domain() + ".";
        String ttl = Long.toString(service.ttlSeconds());
        StringBuilder z = new StringBuilder();
        z.append("; SEMP discovery records for ").append(service.domain()).append(" (DISCOVERY.md §2, HANDSHAKE.md §3.1, KEY.md §2.1)\n");
        z.append("; ").append(service.host()).append(" must have A/AAAA records; DNSSEC is RECOMMENDED (DISCOVERY.md §8.1)\n");
        line(z, "_semp._tcp." + d, ttl, "SRV", "10 10 " + service.port() + " " + service.host() + ".");
        line(z, "_semp._tcp." + d, ttl, "TXT", quoted("v=semp1;s=" + String.join(",", service.suites())
                + ";c=" + String.join(",", service.transports()) + ";mes=" + service.maxEnvelopeSize()));
        SessionTtl s = service.sessionTtl();
        line(z, "_semp." + d, ttl, "TXT", quoted("v=semp1;handshake-ttl=" + s.handshakeTtl().toSeconds()
                + ";min-ttl=" + s.minTtl().toSeconds() + ";max-ttl=" + s.maxTtl().toSeconds()));
        z.append("; DANE-EE for the HTTPS endpoint: SHA-256 of the certificate's SubjectPublicKeyInfo (RFC 7671 §5.1)\n");
        line(z, "_" + service.port() + "._tcp." + service.host() + ".", ttl, "TLSA", "3 1 1 " + sha256Hex(tlsKey.getEncoded()));
        if (domainKey.isPresent()) {
            z.append("; domain signing key ").append(domainKey.get().keyId().hex())
                    .append(": SHA-256 of its SubjectPublicKeyInfo (KEY.md §2.1, selector 1 per RFC 6698 §2.1.2)\n");
            line(z, "_semp-key._tcp." + d, ttl, "TLSA", "3 1 1 " + sha256Hex(ed25519Spki(domainKey.get().bytes())));
        } else {
            z.append("; _semp-key._tcp.").append(d).append(" TLSA (KEY.md §2.1) needs the domain signing key\n");
        }
        return z.toString();
    }

    /** The DER SubjectPublicKeyInfo of a raw 32-byte Ed25519 public key (RFC 8410 §4). */
    static byte[] ed25519Spki(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        byte[] out = new byte[ED25519_SPKI_PREFIX.length + raw.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, out, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, out, ED25519_SPKI_PREFIX.length, raw.length);
        return out;
    }

    private static void line(StringBuilder z, String owner, String ttl, String type, String rdata) {
        z.append(owner).append('\t').append(ttl).append("\tIN\t").append(type).append('\t').append(rdata).append('\n');
    }

    /** One or more quoted character-strings of at most 255 octets each (RFC 1035 §3.3.14, §5.1). */
    static String quoted(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length == 0) {
            return "\"\"";
        }
        StringBuilder out = new StringBuilder();
        for (int start = 0; start < bytes.length; start += MAX_CHARACTER_STRING) {
            String part = new String(bytes, start, Math.min(MAX_CHARACTER_STRING, bytes.length - start), StandardCharsets.US_ASCII);
            out.append(out.isEmpty() ? "" : " ").append('"').append(part.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.toString();
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
