package sempgw.semp.ingress.documents;

import sempgw.core.json.JsonObject;

/**
 * The {@code first_contact_policy} published in every key response (KEY.md §3.2). One policy for
 * the whole domain, never per address (KEY.md §3.2.4): a policy that varied by address would be an
 * existence oracle (DESIGN.md §2.7).
 */
public sealed interface FirstContactPolicy permits FirstContactPolicy.Open, FirstContactPolicy.ProofOfWork {

    /** The policy object as published. */
    JsonObject toJson();

    /** {@code mode: open}: no first-contact friction (KEY.md §3.2.1). */
    record Open() implements FirstContactPolicy {
        @Override
        public JsonObject toJson() {
            return JsonObject.builder().put("mode", "open").build();
        }
    }

    /**
     * {@code mode: challenge} with {@code proof_of_work}, SHA-256 at {@code difficulty} leading zero
     * bits (KEY.md §3.2.2, HANDSHAKE.md §2.2a.2). Publish it only when the receive pipeline verifies
     * {@code seal.first_contact_token} (KEY.md §3.2.2: never announce an unverified challenge).
     *
     * @param difficulty leading zero bits, 1..28 (HANDSHAKE.md §2.2a.2 cap)
     */
    record ProofOfWork(int difficulty) implements FirstContactPolicy {
        public ProofOfWork {
            if (difficulty < 1 || difficulty > 28) {
                throw new IllegalArgumentException("proof-of-work difficulty must be 1..28, got " + difficulty);
            }
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder()
                    .put("mode", "challenge")
                    .put("challenge_type", "proof_of_work")
                    .put("parameters", JsonObject.builder().put("algorithm", "sha256").put("difficulty", difficulty).build())
                    .build();
        }
    }
}
