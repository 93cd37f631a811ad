package sempgw.core.envelope.compose;

/** Why a draft could not be composed into envelopes. None of these is worth retrying unchanged. */
public enum ComposeError {
    /** An address in the brief is not canonical (ENVELOPE.md §2.3.3: no seal over such a brief). */
    NON_CANONICAL_ADDRESS,
    /** The brief names no recipient. */
    NO_RECIPIENTS,
    /** The body does not match {@code content_type} (ENVELOPE.md §6.4). */
    INVALID_CONTENT,
    /** A brief or enclosure {@code extensions} object exceeds its send limit (EXTENSIONS.md §4.1). */
    EXTENSION_TOO_LARGE,
    /** No domain encryption key is known for a recipient domain (ENVELOPE.md §4.4). */
    MISSING_DOMAIN_KEY,
    /** No client encryption key is known for a recipient (ENVELOPE.md §7.1 step 6). */
    MISSING_RECIPIENT_KEY,
    /** A key belongs to another suite than the one composing (ENVELOPE.md §4.4). */
    SUITE_MISMATCH,
    /** More than 1024 recipient keys in one envelope (ENVELOPE.md §4.4.1): split the recipients. */
    TOO_MANY_RECIPIENTS,
    /** The envelope exceeds {@code max_envelope_size} before padding (ENVELOPE.md §2.4.1). */
    TOO_LARGE
}
