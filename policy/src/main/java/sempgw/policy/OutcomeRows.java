package sempgw.policy;

import sempgw.core.SempReason;

/**
 * The rows of the outcome table, one per registry code and one per local outcome, each with the
 * reason for its status. The switches have no default branch: a code added to {@link SempReason}
 * or {@link LocalOutcome} does not compile until it has a row here.
 *
 * <p>Reply codes are the end-of-data replies of RFC 5321 §4.3.2 only: 550 and 450 for refusals
 * by policy, 554 for other permanent failures, 552 for size limits ("exceeded storage
 * allocation"), 451 for other temporary failures. The retry class comes from the registry
 * ({@link SempReason#retry()}), never from this table.
 */
final class OutcomeRows {

    private OutcomeRows() {
    }

    static Outcome of(SempReason reason) {
        return switch (reason) {
            // X.7.1 "delivery not authorized": the peer's per-sender or per-recipient filtering (RFC 3463 §3.8).
            case BLOCKED -> row(reason, 550, "5.7.1", "the recipient's server blocks the sender or the sender's domain");
            case POLICY_FORBIDDEN -> row(reason, 550, "5.7.1", "the recipient's server refused the message by policy (also used for unknown recipients)");
            case SCOPE_EXCEEDED -> row(reason, 550, "5.7.1", "the sending device's certificate does not cover this recipient");
            // X.7.0: security failures with no precise code. X.7.8 is SMTP AUTH's (RFC 4954 §6), not a peer handshake's.
            case AUTH_FAILED -> row(reason, 554, "5.7.0", "the recipient's server could not verify the sending domain's identity");
            case CHALLENGE_INVALID -> row(reason, 554, "5.7.0", "the recipient's server issued a challenge outside protocol bounds");
            case SCOPE_INVALID -> row(reason, 554, "5.7.0", "the sending device's scoped certificate is malformed");
            case CERTIFICATE_EXPIRED -> row(reason, 554, "5.7.0", "the sending device's certificate has expired");
            // X.7.5 "cryptographic failure": a key was missing or invalid. X.7.7 "message integrity failure".
            case SEAL_INVALID -> row(reason, 554, "5.7.5", "the recipient's server could not open the seal");
            case SESSION_MAC_INVALID -> row(reason, 554, "5.7.7", "the session MAC did not verify at the recipient's server");
            // X.4.7 "delivery time expired": the envelope's time-to-live passed (RFC 3463 §3.5).
            case ENVELOPE_EXPIRED -> row(reason, 554, "5.4.7", "the envelope expired before the recipient's server accepted it");
            // X.3.4 "message too big for system", with 552, the size reply after DATA.
            case ENVELOPE_SIZE_EXCEEDED -> row(reason, 552, "5.3.4", "the envelope is larger than the recipient's server accepts");
            case EXTENSION_SIZE_EXCEEDED -> row(reason, 552, "5.3.4", "an extensions object is larger than the recipient's server accepts");
            // X.3.3 "system not capable of selected features", the gateway case of RFC 3463 §3.4.
            case EXTENSION_UNSUPPORTED -> row(reason, 554, "5.3.3", "the recipient's server does not support a required extension");
            // X.5.5 "wrong protocol version"; X.5.0 for the other session-protocol failures.
            case VERSION_UNSUPPORTED -> row(reason, 554, "5.5.5", "the recipient's server does not support this SEMP major version");
            case RESUMPTION_FAILED -> row(reason, 554, "5.5.0", "session resumption failed at the recipient's server");
            case SESSION_EXPIRED -> row(reason, 554, "5.5.0", "the federation session ended (rekeying)");
            case REKEY_UNSUPPORTED -> row(reason, 554, "5.5.0", "the recipient's server does not support rekeying");
            // X.5.4 "invalid command arguments ... unrecognized features": user-policy sync codes, not delivery codes.
            case POLICY_KIND_UNSUPPORTED -> row(reason, 554, "5.5.4", "a user-policy operation of an unsupported kind (not a delivery code)");
            case POLICY_OP_INVALID -> row(reason, 554, "5.5.4", "an invalid user-policy operation (not a delivery code)");
            case POLICY_VERSION_STALE -> row(reason, 451, "4.5.0", "a stale user-policy version (not a delivery code)");
            // X.4.2 "bad connection": the session was up but could not complete the transaction.
            case HANDSHAKE_EXPIRED -> row(reason, 451, "4.4.2", "the federation session expired; a new handshake follows");
            case HANDSHAKE_INVALID -> row(reason, 451, "4.4.2", "the federation session was invalidated; a new handshake follows");
            case NO_SESSION -> row(reason, 451, "4.4.2", "the recipient's server knows no such session; a new handshake follows");
            // X.4.1 "no answer from host": no transport to the peer could be opened.
            case SERVER_UNAVAILABLE -> row(reason, 451, "4.4.1", "the recipient's server is unreachable for now");
            // X.3.2 "system not accepting network messages", whose examples include excessive load.
            case SERVER_AT_CAPACITY -> row(reason, 451, "4.3.2", "the recipient's server is at its session limit");
            // X.7.0 with 450, the temporary policy refusal: the peer's rate and first-contact policies.
            case RATE_LIMITED -> row(reason, 450, "4.7.0", "the recipient's server rate-limits this sender");
            case CHALLENGE -> row(reason, 450, "4.7.0", "the recipient's server asks for a challenge to be solved first");
            case CHALLENGE_FAILED -> row(reason, 450, "4.7.0", "the challenge solution was refused or expired");
            // X.0.0 "other undefined status": only the class is known (RFC 3463 §3.1; ERRORS.md §15.2).
            case UNKNOWN -> row(reason, 554, "5.0.0", "a reason code this gateway does not know; not retried");
        };
    }

    static Outcome of(LocalOutcome outcome) {
        return switch (outcome) {
            // X.4.2: the connection was up and the answer timed out.
            case SILENT -> row(outcome, RetryClass.TEMPORARY, 451, "4.4.2", "no acknowledgment within the attempt timeout; never taken as delivered");
            case TIMEOUT -> row(outcome, RetryClass.TEMPORARY, 451, "4.4.2", "the first attempt did not finish within the SMTP transaction; the message is queued");
            // X.4.7 "delivery time expired": the message stayed queued too long.
            case EXPIRED -> row(outcome, RetryClass.TERMINAL, 554, "5.4.7", "the delivery deadline passed without delivery");
            // X.4.1 "no answer from host": the connection attempt failed.
            case TRANSPORT -> row(outcome, RetryClass.TEMPORARY, 451, "4.4.1", "no connection or transport to the recipient's server");
            // X.7.5 "cryptographic failure": the receipt's signature did not verify.
            case RECEIPT_INVALID -> row(outcome, RetryClass.TEMPORARY, 451, "4.7.5", "the recipient's server said delivered without a verifiable receipt");
            // X.3.0 with 451 "local error in processing": ours, so retried, never a bounce.
            case INTERNAL -> row(outcome, RetryClass.TEMPORARY, 451, "4.3.0", "a local error at the gateway; the message stays queued");
        };
    }

    private static Outcome row(SempReason reason, int code, String enhanced, String meaning) {
        return row(reason.code(), RetryClass.of(reason.retry()), code, enhanced, meaning);
    }

    private static Outcome row(LocalOutcome outcome, RetryClass retry, int code, String enhanced, String meaning) {
        return row(outcome.code(), retry, code, enhanced, meaning);
    }

    private static Outcome row(String name, RetryClass retry, int code, String enhanced, String meaning) {
        return new Outcome(name, retry, new SmtpStatus(code, enhanced, "semp; " + name + ": " + meaning), meaning);
    }
}
