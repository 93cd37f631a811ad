package sempgw.core.handshake;

import java.util.Objects;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * Domain-ownership verification for a federation init, done before message 2 is sent
 * (HANDSHAKE.md §5.4; CONFORMANCE.md §4.8). It runs after the init's {@code server_signature}
 * and inner identity proof verified under {@code signingKey}, the key the server's
 * {@link DomainKeyLookup} returned for the claimed domain. There is deliberately no
 * accept-everything implementation.
 */
@FunctionalInterface
public interface DomainProofVerifier {

    /** Judges {@code proof} for {@code domain}. */
    Verdict verify(String domain, DomainProof proof, DomainSigningPublicKey signingKey);

    /**
     * Accepts any {@code domain_proof} because ownership is already proven by the signature: use
     * it only when the server's {@link DomainKeyLookup} fetches keys from the domain's own
     * well-known configuration over HTTPS with certificate validation (HANDSHAKE.md §5.3 "The
     * HTTPS certificate chain serves as the trust anchor"). This is what lets semp-go peers, which
     * always send {@code test-trust}, federate (docs/interop.md "domain_proof").
     */
    static DomainProofVerifier signedWithHttpsPublishedKey() {
        return (domain, proof, key) -> new Verified(proof.method());
    }

    /** The outcome. */
    sealed interface Verdict permits Verified, Failed, Unavailable {
    }

    /** Ownership proven; {@code method} is echoed in {@code domain_verification_result}. */
    record Verified(String method) implements Verdict {
        public Verified {
            Objects.requireNonNull(method, "method");
        }
    }

    /** Not proven; the handshake is rejected with {@code auth_failed}. */
    record Failed(String detail) implements Verdict {
        public Failed {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * Cannot be judged now (a DNS or HTTPS failure on our side): the handshake is rejected with
     * the recoverable {@code handshake_invalid}, never {@code auth_failed}, which the initiator
     * must not retry (ERRORS.md §2).
     */
    record Unavailable(String detail) implements Verdict {
        public Unavailable {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
