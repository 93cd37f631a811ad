package sempgw.core.envelope.open;

/** Why a recipient client could not open an envelope (ENVELOPE.md §7.2 steps 8-12). */
public enum OpenError {
    /** {@code seal.algorithm} is not a suite we implement. */
    UNSUPPORTED_SUITE,
    /** None of our keys has an entry in the recipient map (not for us, or a dummy-only map). */
    NOT_A_RECIPIENT,
    /** Our entry does not unwrap: corrupted, or made for another key. */
    KEY_UNWRAP_FAILED,
    /** The brief does not decrypt under the unwrapped key and {@code postmark.id}. */
    BRIEF_UNREADABLE,
    /** The enclosure does not decrypt under the unwrapped key and {@code postmark.id}. */
    ENCLOSURE_UNREADABLE,
    /** The decrypted brief is not a valid brief. */
    MALFORMED_BRIEF,
    /** The decrypted enclosure is not a valid enclosure. */
    MALFORMED_ENCLOSURE,
    /** {@code enclosure.extensions} exceeds 64 KB (EXTENSIONS.md §4.1). */
    EXTENSION_TOO_LARGE,
    /** A required enclosure or brief extension we do not understand (EXTENSIONS.md §3.1). */
    EXTENSION_UNSUPPORTED,
    /** No identity key of the sender matches {@code sender_signature.key_id} (§6.5.3). */
    SENDER_KEY_UNKNOWN,
    /** The sender signature is missing, malformed or does not verify (§6.5.3, §7.2 step 10). */
    SENDER_SIGNATURE_INVALID,
    /** An attachment's content does not match its size or hash (§7.2 step 12). */
    ATTACHMENT_INVALID
}
