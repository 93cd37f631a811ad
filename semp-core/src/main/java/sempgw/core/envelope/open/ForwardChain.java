package sempgw.core.envelope.open;

import java.util.Optional;
import sempgw.core.envelope.enclosure.EnclosureSignatures;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.IdentityPublicKey;

/**
 * Verification of {@code forwarded_from}, recursively (ENVELOPE.md §6.6.4-6.6.5), after the outer
 * sender signature has verified (step 1). At each level:
 * <ol start="2">
 *   <li>the attestation names the same key as the enclosure's sender signature (§6.6.3) and
 *   verifies under it over the {@code forwarded_from} tree -> else ATTESTATION_INVALID;</li>
 *   <li>the original enclosure's sender signature verifies under the original sender's identity
 *   key (looked up by {@code original_sender_address} and its {@code key_id}) -> else
 *   ORIGINAL_UNVERIFIED.</li>
 * </ol>
 * The original sender is the forwarder of the next level down. Chains deeper than
 * {@value #MAX_DEPTH} are not verified further (ORIGINAL_UNVERIFIED).
 */
final class ForwardChain {
    static final int MAX_DEPTH = 8;

    private ForwardChain() {
    }

    static ForwardCheck verify(JsonObject enclosureTree, IdentityPublicKey forwarderKey, IdentityKeys identities) {
        JsonObject level = enclosureTree;
        IdentityPublicKey signer = forwarderKey;
        for (int depth = 0; ; depth++) {
            if (!(level.getOrNull("forwarded_from") instanceof JsonObject forward)) {
                return new ForwardCheck(depth == 0 ? ForwardCheck.Status.NOT_FORWARDED : ForwardCheck.Status.VERIFIED, depth);
            }
            if (depth == MAX_DEPTH) {
                return new ForwardCheck(ForwardCheck.Status.ORIGINAL_UNVERIFIED, depth);
            }
            String outerKeyId = EnclosureSignatures.signingKeyId(level, "sender_signature");
            if (!outerKeyId.equals(EnclosureSignatures.signingKeyId(forward, "forwarder_attestation"))
                    || !EnclosureSignatures.verifyAttestation(forward, signer)) {
                return new ForwardCheck(ForwardCheck.Status.ATTESTATION_INVALID, depth);
            }
            Optional<IdentityPublicKey> original = originalKey(forward, identities);
            if (!(forward.getOrNull("original_enclosure_plaintext") instanceof JsonObject inner)
                    || original.isEmpty() || !EnclosureSignatures.verifySender(inner, original.get())) {
                return new ForwardCheck(ForwardCheck.Status.ORIGINAL_UNVERIFIED, depth);
            }
            level = inner;
            signer = original.get();
        }
    }

    private static Optional<IdentityPublicKey> originalKey(JsonObject forward, IdentityKeys identities) {
        if (!(forward.getOrNull("original_sender_address") instanceof JsonString(String address))
                || !(forward.getOrNull("original_enclosure_plaintext") instanceof JsonObject inner)) {
            return Optional.empty();
        }
        return identities.find(address, EnclosureSignatures.signingKeyId(inner, "sender_signature"));
    }
}
