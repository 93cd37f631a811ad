package sempgw.semp.egress.discovery;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What the SEMP DNS records of a domain say (DISCOVERY.md §2), before any HTTPS fetch. */
sealed interface SempProbe {

    /** A question failed (timeout, SERVFAIL, ...): SEMP support is unknown. */
    record Failed(DnsAnswer.Failure failure) implements SempProbe {
    }

    /** SRV target "." only: the service is decidedly not available (RFC 2782). */
    record OptedOut(OptionalLong ttl) implements SempProbe {
    }

    /**
     * SEMP is signalled by SRV records, a {@code v=semp1} capability TXT, or both.
     *
     * @param srvTargets   SRV targets, unordered; empty when only the TXT record exists
     * @param declaresOurs whether a {@code v=semp1} capability TXT is published (one ignored as
     *                     ambiguous included); without one, only the configuration document says
     *                     which major the SRV targets speak (CONFORMANCE.md §9.1.2)
     * @param ttl          the smallest TTL of the records relied on
     * @param notes        TXT defects for the operator (DISCOVERY.md §8.2)
     */
    record Signalled(List<ServerTarget> srvTargets, boolean declaresOurs, Optional<CapabilityRecord> capability, SessionTtl sessionTtl,
                     OptionalLong ttl, List<String> notes) implements SempProbe {
        public Signalled {
            srvTargets = List.copyOf(srvTargets);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The capability TXT declares only other SEMP major versions, no {@code v=semp1}
     * (CONFORMANCE.md §9.1.2), whether SRV records exist or not: the SRV name carries no version.
     *
     * @param declared the records' {@code v} values, such as {@code semp2}
     * @param ttl      the smallest TTL of the SRV and TXT answers
     */
    record OtherMajor(List<String> declared, OptionalLong ttl) implements SempProbe {
        public OtherMajor {
            declared = List.copyOf(declared);
        }
    }

    /** No SEMP records; {@code ttl} is the negative-caching TTL when the server gave one. */
    record Absent(OptionalLong ttl) implements SempProbe {
    }
}
