package sempgw.policy;

import java.util.Objects;

/**
 * What discovery concluded about a recipient domain, reduced to what routing needs, so that this
 * module does not depend on semp-egress. The discovery side maps its results here (DISCOVERY.md
 * §4.6 statuses, plus the failures that have no status).
 */
public sealed interface PeerStatus {

    /** The domain publishes SEMP (discovery status {@code semp}), or is pinned to SEMP. */
    PeerStatus SEMP = new Semp();
    /** No SEMP, and MX records confirm SMTP is available (discovery status {@code legacy}). */
    PeerStatus LEGACY = new Legacy();
    /** The domain cannot receive mail at all: NXDOMAIN or a null MX (status {@code not_found}, RFC 7505). */
    PeerStatus NO_MAIL = new NoMail();

    /**
     * The domain speaks only another SEMP major version (CONFORMANCE.md §9.1.3): not SEMP for us.
     *
     * @param declared what the domain published, for the refusal text (sanitised before use in replies)
     * @param acceptsSmtp whether the domain also receives mail by SMTP (MX, or an address as the implicit MX)
     */
    static PeerStatus otherMajor(String declared, boolean acceptsSmtp) {
        return new OtherMajor(declared, acceptsSmtp);
    }

    /** A temporary failure: SERVFAIL, a DNS timeout, a failed configuration fetch (GATEWAY.md §4). */
    static PeerStatus unknown(String detail) {
        return new Unknown(detail);
    }

    /** See {@link #SEMP}. */
    record Semp() implements PeerStatus {
    }

    /** See {@link #LEGACY}. */
    record Legacy() implements PeerStatus {
    }

    /** See {@link #NO_MAIL}. Permanent. */
    record NoMail() implements PeerStatus {
    }

    /**
     * See {@link #otherMajor}. Discovery never answers this for a domain pinned to SEMP: that one
     * is {@link Unknown} while the pin holds (GATEWAY.md §4).
     */
    record OtherMajor(String declared, boolean acceptsSmtp) implements PeerStatus {
        public OtherMajor {
            Objects.requireNonNull(declared, "declared");
        }
    }

    /**
     * Discovery could not conclude. Temporary, and never to be read as "legacy": a resolver an
     * attacker can make fail must not be able to turn SEMP into clear text (GATEWAY.md §4).
     *
     * @param detail what failed, for the log and the deferral reason (sanitised before use in replies)
     */
    record Unknown(String detail) implements PeerStatus {
        public Unknown {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
