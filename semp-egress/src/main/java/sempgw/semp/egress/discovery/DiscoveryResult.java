package sempgw.semp.egress.discovery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.SempReason;

/**
 * What discovery concluded about a recipient domain (DISCOVERY.md §7.1), plus two outcomes of the
 * gateway's: {@link OtherMajor}, a domain that speaks only another SEMP major version
 * (CONFORMANCE.md §9.1.3), and {@link Temporary}, for every case where the question could not be
 * answered. A DNS timeout, SERVFAIL, or a SEMP domain whose configuration cannot be fetched is
 * never {@link Legacy} (GATEWAY.md §4, downgrade resistance).
 */
public sealed interface DiscoveryResult {

    /**
     * The domain speaks SEMP (DISCOVERY.md §7.1 {@code semp}).
     *
     * @param configuration     the validated configuration document, the only source of endpoints
     * @param targets           SRV targets in RFC 2782 order, or the domain itself on 443 without SRV
     * @param configurationHost the target that served {@code configuration}
     * @param capability        the {@code _semp._tcp} TXT record, when published
     * @param sessionTtl        the {@code _semp} TXT session lifetimes, or the defaults (HANDSHAKE.md §3.1)
     * @param discrepancies     disagreements between DNS and the document, and TXT defects (DISCOVERY.md §8.2)
     */
    record Semp(SempConfiguration configuration, List<ServerTarget> targets, ServerTarget configurationHost,
                Optional<CapabilityRecord> capability, SessionTtl sessionTtl, List<String> discrepancies)
            implements DiscoveryResult {

        public Semp {
            Objects.requireNonNull(configuration, "configuration");
            Objects.requireNonNull(configurationHost, "configurationHost");
            Objects.requireNonNull(capability, "capability");
            Objects.requireNonNull(sessionTtl, "sessionTtl");
            targets = List.copyOf(targets);
            discrepancies = List.copyOf(discrepancies);
        }

        /**
         * The largest envelope this domain accepts: the smaller of the document's limit and the TXT
         * {@code mes}, since senders MUST respect both (DISCOVERY.md §2.2, §3.1.3).
         */
        public long maxEnvelopeSize() {
            long limit = configuration.maxEnvelopeSize();
            if (capability.isPresent() && capability.get().maxEnvelopeSize().isPresent()) {
                return Math.min(limit, capability.get().maxEnvelopeSize().getAsLong());
            }
            return limit;
        }
    }

    /** No SEMP, but the domain receives mail by SMTP (DISCOVERY.md §7.2; RFC 5321 §5.1). */
    record Legacy(String detail) implements DiscoveryResult {
        public Legacy {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The domain declares SEMP of another major version only (CONFORMANCE.md §9.1.2: its
     * {@code _semp._tcp} TXT {@code v=} or its configuration document's {@code version}), so it
     * is not SEMP for this gateway: "treat the domain as non-SEMP for this MAJOR" (CONFORMANCE.md
     * §9.1.3). Whether it may go by SMTP instead is the policy's decision; {@code acceptsSmtp}
     * says whether it can. Never the result for a domain pinned to SEMP (GATEWAY.md §4), nor for
     * one that also publishes {@code v=semp1}.
     *
     * @param declared    what the domain published, for the operator (the TXT record, or the document's URL and version)
     * @param acceptsSmtp whether the domain receives mail by SMTP: MX records, or A/AAAA as the implicit MX (RFC 5321 §5.1)
     * @param detail      what the SMTP check found (DISCOVERY.md §7.2)
     */
    record OtherMajor(String declared, boolean acceptsSmtp, String detail) implements DiscoveryResult {
        public OtherMajor {
            Objects.requireNonNull(declared, "declared");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Neither SEMP nor SMTP: NXDOMAIN, a null MX, or no mail records at all. Permanent. */
    record NotFound(String detail) implements DiscoveryResult {
        public NotFound {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** No answer now; retry later. Never cached. */
    record Temporary(Cause cause, String detail) implements DiscoveryResult {
        public Temporary {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
        }

        /** The SEMP reason for the delivery layer: always the recoverable {@code server_unavailable}. */
        public SempReason reason() {
            return SempReason.SERVER_UNAVAILABLE;
        }
    }

    /** Why a {@link Temporary} result. */
    enum Cause {
        /** A DNS question got no answer in time. */
        DNS_TIMEOUT,
        /** SERVFAIL, REFUSED or another DNS error. */
        DNS_FAILURE,
        /** SEMP records exist but no target's configuration could be reached (incl. HTTP errors). */
        CONFIG_UNREACHABLE,
        /** SEMP records exist but TLS to the configuration host failed. */
        CONFIG_TLS,
        /**
         * A configuration document was served but is unusable (invalid, oversize, other domain, or
         * another major version while the domain's TXT record declares ours).
         */
        CONFIG_INVALID,
        /** The document's revision is lower than one already accepted (DISCOVERY.md §3.5.1). */
        CONFIG_ROLLBACK,
        /**
         * The domain lost its SEMP records, or declares only another SEMP major version, while
         * pinned to SEMP (GATEWAY.md §4).
         */
        PINNED,
        /** A {@code .onion} domain and no Tor egress (DISCOVERY.md §2.5.2). */
        TOR_UNAVAILABLE
    }
}
