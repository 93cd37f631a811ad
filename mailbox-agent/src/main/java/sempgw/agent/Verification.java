package sempgw.agent;

import java.util.Objects;
import java.util.Optional;
import sempgw.core.envelope.SempAddress;

/**
 * What the gateway verified about a message it hands to a legacy mailbox, and the origin state
 * the mailbox user's client should show (CLIENT.md §4.3.3: "SEMP", "legacy", "legacy with
 * verified SEMP-capable sender"). Rendered as the {@code SEMP-Verification} header.
 *
 * @param origin the origin state
 * @param seal the domain seal check (ENVELOPE.md §4.3, §9.1); {@code NONE} for legacy mail
 * @param senderSignature the sender identity signature check (ENVELOPE.md §6.5.3); {@code NONE}
 *     for legacy mail
 * @param senderDomain the sender's SEMP domain: {@code brief.from}'s domain for SEMP mail, the
 *     verified {@code SEMP-Domain} for a legacy message with a verified upgrade signal (§4.3.1)
 */
public record Verification(Origin origin, Check seal, SignatureCheck senderSignature, Optional<String> senderDomain) {

    /** The origin states of CLIENT.md §4.3.3. */
    public enum Origin {
        SEMP("semp"), LEGACY("legacy"), LEGACY_VERIFIED_SEMP_SENDER("legacy-verified-semp-sender");

        private final String token;

        Origin(String token) {
            this.token = token;
        }

        /** The header token. */
        public String token() {
            return token;
        }
    }

    /** A check's outcome. */
    public enum Check { PASS, FAIL, NONE }

    /** The sender signature's outcome; an unknown key is a failure (ENVELOPE.md §6.5.3) shown apart. */
    public enum SignatureCheck { PASS, FAIL, UNKNOWN_KEY, NONE }

    public Verification {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(seal, "seal");
        Objects.requireNonNull(senderSignature, "senderSignature");
        Objects.requireNonNull(senderDomain, "senderDomain");
        senderDomain.ifPresent(d -> {
            if (!SempAddress.isCanonicalDomain(d)) {
                throw new IllegalArgumentException("sender domain is not a canonical SEMP domain (ENVELOPE.md §2.3.2)");
            }
        });
        boolean semp = origin == Origin.SEMP;
        if (semp != (seal != Check.NONE) || semp != (senderSignature != SignatureCheck.NONE)) {
            throw new IllegalArgumentException("seal and sender signature are checked exactly for SEMP mail");
        }
        if ((origin != Origin.LEGACY) != senderDomain.isPresent()) {
            throw new IllegalArgumentException("a sender domain is stated exactly for SEMP mail and verified SEMP senders");
        }
    }

    /** A SEMP message whose seal verified, with sender signature outcome {@code signature}. */
    public static Verification semp(SignatureCheck signature, String senderDomain) {
        return new Verification(Origin.SEMP, Check.PASS, signature, Optional.of(senderDomain));
    }

    /** Legacy mail with no SEMP evidence. */
    public static Verification legacy() {
        return new Verification(Origin.LEGACY, Check.NONE, SignatureCheck.NONE, Optional.empty());
    }

    /** Legacy mail whose sender's upgrade signal verified against {@code senderDomain} (CLIENT.md §4.3.1). */
    public static Verification legacyVerifiedSempSender(String senderDomain) {
        return new Verification(Origin.LEGACY_VERIFIED_SEMP_SENDER, Check.NONE, SignatureCheck.NONE, Optional.of(senderDomain));
    }

    /** True when the content may be shown as authored by the claimed sender: SEMP, seal and signature pass. */
    public boolean contentTrusted() {
        return origin == Origin.SEMP && seal == Check.PASS && senderSignature == SignatureCheck.PASS;
    }
}
