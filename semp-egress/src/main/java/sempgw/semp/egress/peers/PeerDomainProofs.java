package sempgw.semp.egress.peers;

import java.util.Objects;
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
 * There is no accept-everything path. A DNS failure of the TXT lookup, or keys that cannot be
 * fetched now when the method is not {@code dns-txt}, is {@code Unavailable}, never success: the
 * peer gets the recoverable {@code handshake_invalid} and retries, rather than {@code auth_failed},
 * which it must not retry (ERRORS.md §2).
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
        HttpsKey https = httpsPublished(domain, signingKey);
        if (https instanceof HttpsKey.Published) {
            return DomainProofVerifier.signedWithHttpsPublishedKey().verify(domain, proof, signingKey);
        }
        if (!SempVerifyRecord.METHOD.equals(proof.method())) {
            return https instanceof HttpsKey.Unknown u && u.temporary()
                    ? unavailable(domain, "the domain keys cannot be fetched now (" + u.why() + ")")
                    : failed(domain, "key not published over HTTPS (" + ((HttpsKey.Unknown) https).why() + ") and method "
                    + printable(proof.method()) + " is not dns-txt");
        }
        return switch (dns.txt(SempVerifyRecord.ownerName(domain))) {
            case TxtLookup.Answer.Found f -> f.texts().stream().anyMatch(t -> SempVerifyRecord.verifies(t, domain, proof.data(), signingKey))
                    ? new Verified(SempVerifyRecord.METHOD)
                    : failed(domain, "no _semp-verify record verifies for the init's key and server id");
            case TxtLookup.Answer.None n -> failed(domain, "no _semp-verify record");
            case TxtLookup.Answer.Failed f -> unavailable(domain, "_semp-verify lookup failed: " + f.detail());
        };
    }

    /** Whether {@code key} is the one the domain publishes over HTTPS. */
    private sealed interface HttpsKey {
        record Published() implements HttpsKey {
        }

        /** Not shown to be: another key is published, or the keys could not be fetched ({@code temporary}: may succeed later). */
        record Unknown(String why, boolean temporary) implements HttpsKey {
        }
    }

    private HttpsKey httpsPublished(String domain, DomainSigningPublicKey key) {
        try {
            return keys.published(domain).signing().equals(key) ? new HttpsKey.Published() : new HttpsKey.Unknown("another key is published", false);
        } catch (DomainKeysException e) {
            return new HttpsKey.Unknown(e.getMessage(), e.isTransient());
        }
    }

    private static Verdict failed(String domain, String detail) {
        log.info("domain proof {}: refused, {}", domain, detail);
        return new Failed(detail);
    }

    private static Verdict unavailable(String domain, String detail) {
        log.info("domain proof {}: cannot be checked now, {}", domain, detail);
        return new Unavailable(detail);
    }

    private static String printable(String s) {
        return s.chars().limit(40).map(c -> c >= 0x20 && c < 0x7f ? c : '?')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
