package sempgw.semp.egress.peers;

import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.handshake.DomainProof;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * Domain ownership of a federation initiator, judged before message 2 (HANDSHAKE.md §5.4,
 * CONFORMANCE.md §4.8). Runs after the init's signature verified under {@code signingKey}.
 * Numbered steps; the first that proves ownership wins, otherwise the verdict is
 * {@code Failed} and the handshake ends with {@code auth_failed}:
 *
 * <ol>
 *   <li>{@code signingKey} is the key the domain publishes at its {@code domain_keys} endpoint,
 *   fetched over HTTPS from its discovered server ({@link HttpsDomainKeys}): ownership is proven
 *   by the signature itself (HANDSHAKE.md §5.3, KEY.md §2.3), whatever the method, which is what
 *   lets semp-go peers ({@code test-trust}) federate; semp-core's
 *   {@link DomainProofVerifier#signedWithHttpsPublishedKey()} gives the verdict.</li>
 *   <li>{@code dns-txt}: a {@code _semp-verify.<domain>} TXT record for the proof's server id
 *   whose signature verifies under {@code signingKey} ({@link SempVerifyRecord}).</li>
 * </ol>
 * There is no accept-everything path. A DNS failure fails the proof, with a detail saying it is
 * temporary; it is never read as success. (semp-core's verdict has no temporary outcome, so the
 * peer sees {@code auth_failed} and retries on its schedule.)
 */
public final class PeerDomainProofs implements DomainProofVerifier {

    private static final Logger log = LoggerFactory.getLogger(PeerDomainProofs.class);

    private final HttpsDomainKeys keys;
    private final TxtLookup dns;

    public PeerDomainProofs(HttpsDomainKeys keys, TxtLookup dns) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.dns = Objects.requireNonNull(dns, "dns");
    }

    @Override
    public Verdict verify(String domain, DomainProof proof, DomainSigningPublicKey signingKey) {
        Optional<String> httpsProblem = httpsPublished(domain, signingKey);
        if (httpsProblem.isEmpty()) {
            return DomainProofVerifier.signedWithHttpsPublishedKey().verify(domain, proof, signingKey);
        }
        if (!SempVerifyRecord.METHOD.equals(proof.method())) {
            return failed(domain, "key not published over HTTPS (" + httpsProblem.get() + ") and method " + printable(proof.method())
                    + " is not dns-txt");
        }
        return switch (dns.txt(SempVerifyRecord.ownerName(domain))) {
            case TxtLookup.Answer.Found f -> f.texts().stream().anyMatch(t -> SempVerifyRecord.verifies(t, domain, proof.data(), signingKey))
                    ? new Verified(SempVerifyRecord.METHOD)
                    : failed(domain, "no _semp-verify record verifies for the init's key and server id");
            case TxtLookup.Answer.None n -> failed(domain, "no _semp-verify record");
            case TxtLookup.Answer.Failed f -> failed(domain, "temporary: _semp-verify lookup failed: " + f.detail());
        };
    }

    /** Empty when {@code key} is the domain's HTTPS-published signing key; else why not. */
    private Optional<String> httpsPublished(String domain, DomainSigningPublicKey key) {
        try {
            return keys.published(domain).signing().equals(key) ? Optional.empty() : Optional.of("another key is published");
        } catch (DomainKeysException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Verdict failed(String domain, String detail) {
        log.info("domain proof {}: refused, {}", domain, detail);
        return new Failed(detail);
    }

    private static String printable(String s) {
        return s.chars().limit(40).map(c -> c >= 0x20 && c < 0x7f ? c : '?')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
