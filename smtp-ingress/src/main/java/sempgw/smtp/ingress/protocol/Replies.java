package sempgw.smtp.ingress.protocol;

/**
 * Every reply the ingress sends, in one place, so the dialogue can be read and reviewed as a
 * whole. Codes per RFC 5321 §4.2.2, enhanced codes per RFC 3463 and RFC 5248.
 */
public final class Replies {
    private static final int MAX_ECHOED_LOGIN = 64;

    private Replies() {
    }

    public static final SmtpReply OK = SmtpReply.of(250, "2.0.0", "Ok");
    public static final SmtpReply SENDER_OK = SmtpReply.of(250, "2.1.0", "Ok");
    public static final SmtpReply RECIPIENT_OK = SmtpReply.of(250, "2.1.5", "Ok");
    public static final SmtpReply START_DATA = SmtpReply.intermediate(354, "End data with <CR><LF>.<CR><LF>");
    public static final SmtpReply BYE = SmtpReply.of(221, "2.0.0", "Bye");
    public static final SmtpReply READY_FOR_TLS = SmtpReply.of(220, "2.0.0", "Ready to start TLS");
    public static final SmtpReply AUTH_OK = SmtpReply.of(235, "2.7.0", "Authentication successful");
    public static final SmtpReply HELP = SmtpReply.of(214, "2.0.0", "See RFC 5321");

    // Syntax and sequence (RFC 5321 §4.2.4, §4.1.4; RFC 3463 X.5.x).
    public static final SmtpReply LINE_TOO_LONG = SmtpReply.of(500, "5.5.2", "Error: line too long");
    public static final SmtpReply BARE_CR_IN_COMMAND = SmtpReply.of(500, "5.5.2", "Error: bare <CR> received");
    public static final SmtpReply NUL_IN_COMMAND = SmtpReply.of(500, "5.5.2", "Error: NUL character received");
    public static final SmtpReply BAD_UTF8 = SmtpReply.of(500, "5.5.2", "Error: invalid UTF-8 in command");
    public static final SmtpReply UNKNOWN_COMMAND = SmtpReply.of(500, "5.5.2", "Error: command not recognized");
    public static final SmtpReply NOT_IMPLEMENTED = SmtpReply.of(502, "5.5.1", "Error: command not implemented");
    public static final SmtpReply VRFY_DISABLED = SmtpReply.of(502, "5.5.1", "VRFY command is disabled");
    public static final SmtpReply EXPN_DISABLED = SmtpReply.of(502, "5.5.1", "EXPN command is disabled");
    public static final SmtpReply NEED_HELO = SmtpReply.of(503, "5.5.1", "Error: send HELO/EHLO first");
    public static final SmtpReply NESTED_MAIL = SmtpReply.of(503, "5.5.1", "Error: nested MAIL command");
    public static final SmtpReply NEED_MAIL = SmtpReply.of(503, "5.5.1", "Error: need MAIL command");
    public static final SmtpReply NO_VALID_RECIPIENTS = SmtpReply.of(554, "5.5.1", "Error: no valid recipients");
    public static final SmtpReply TRANSACTION_IN_PROGRESS = SmtpReply.of(503, "5.5.1", "Error: MAIL transaction in progress");

    // Limits (RFC 1870 §6.1, RFC 5321 §4.5.3.1.10).
    public static final SmtpReply MESSAGE_TOO_BIG = SmtpReply.of(552, "5.3.4", "Error: message size exceeds fixed limit");
    public static final SmtpReply TOO_MANY_RECIPIENTS = SmtpReply.of(452, "4.5.3", "Error: too many recipients");

    // Temporary failures: an internal failure is always a 4xx, never a bounce and never a loss.
    public static final SmtpReply QUEUE_WRITE_FAILED = SmtpReply.of(451, "4.3.0", "Error: queue file write error");
    public static final SmtpReply LOOKUP_FAILED = SmtpReply.of(451, "4.3.0", "Error: temporary lookup failure");

    // STARTTLS and AUTH (RFC 3207 §4, RFC 4954 §4, §6).
    public static final SmtpReply TLS_ALREADY_ACTIVE = SmtpReply.of(554, "5.5.1", "Error: TLS already active");
    public static final SmtpReply STARTTLS_FIRST = SmtpReply.of(530, "5.7.0", "Must issue a STARTTLS command first");
    public static final SmtpReply AUTH_NOT_ENABLED = SmtpReply.of(503, "5.5.1", "Error: authentication not enabled");
    public static final SmtpReply ALREADY_AUTHENTICATED = SmtpReply.of(503, "5.5.1", "Error: already authenticated");
    public static final SmtpReply AUTH_MECHANISM_UNKNOWN = SmtpReply.of(504, "5.5.4", "Unrecognized authentication type");
    public static final SmtpReply AUTH_CANCELLED = SmtpReply.of(501, "5.0.0", "Authentication cancelled");
    public static final SmtpReply AUTH_BAD_RESPONSE = SmtpReply.of(501, "5.5.2", "Cannot decode response");
    public static final SmtpReply AUTH_FAILED = SmtpReply.of(535, "5.7.8", "Authentication credentials invalid");
    public static final SmtpReply AUTH_TOO_MANY_FAILURES = SmtpReply.of(421, "4.7.0", "Error: too many failed authentication attempts");

    /** Syntax error in a command's arguments (RFC 5321 §4.2.4: 501; RFC 3463 X.5.4). */
    public static SmtpReply syntax(String usage) {
        return SmtpReply.of(501, "5.5.4", "Syntax: " + usage);
    }

    /** A MAIL or RCPT parameter we do not implement (RFC 5321 §4.1.1.11: 555). */
    public static SmtpReply unsupportedParameter(String keyword) {
        return SmtpReply.of(555, "5.5.4", "Unsupported option: " + keyword);
    }

    /** A known parameter with a bad value (RFC 3463 X.5.4). */
    public static SmtpReply badParameter(String keyword) {
        return SmtpReply.of(501, "5.5.4", "Bad " + keyword + " parameter syntax");
    }

    public static SmtpReply badSenderSyntax() {
        return SmtpReply.of(501, "5.1.7", "Bad sender address syntax");
    }

    public static SmtpReply badRecipientSyntax() {
        return SmtpReply.of(501, "5.1.3", "Bad recipient address syntax");
    }

    /** Non-ASCII address without SMTPUTF8 (RFC 6531 §3.5, RFC 6533 X.6.7). */
    public static SmtpReply nonAsciiAddress() {
        return SmtpReply.of(553, "5.6.7", "Non-ASCII address requires SMTPUTF8");
    }

    /** An unknown user in one of our local domains (RFC 3463 X.1.1). */
    public static SmtpReply unknownUser(String address) {
        return SmtpReply.of(550, "5.1.1", "<" + address + ">: Recipient address rejected: User unknown");
    }

    /** Neither a local domain nor a client allowed to relay (RFC 5321 §3.6.1, RFC 3463 X.7.1). */
    public static SmtpReply relayDenied(String address) {
        return SmtpReply.of(554, "5.7.1", "<" + address + ">: Relay access denied");
    }

    /**
     * An authenticated client used a reverse-path its login does not own (RFC 5321 §3.3: 553
     * for a mailbox name not allowed; RFC 3463 X.7.1), in Postfix's words. Both values are made
     * {@link #printable}; the login is cut at {@value #MAX_ECHOED_LOGIN} characters so the reply
     * stays within 512 octets (RFC 5321 §4.5.3.1.5).
     */
    public static SmtpReply senderNotOwned(String address, String login) {
        String user = login.length() > MAX_ECHOED_LOGIN ? login.substring(0, MAX_ECHOED_LOGIN) + "..." : login;
        return SmtpReply.of(553, "5.7.1", "<" + printable(address) + ">: Sender address rejected: not owned by user " + printable(user));
    }

    /**
     * {@code text} with every character outside printable US-ASCII replaced by {@code ?}, for
     * echoing client-supplied values in replies and logs (RFC 5321 §4.2: reply text is
     * printable US-ASCII).
     */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    public static SmtpReply queued(String queueId) {
        return SmtpReply.of(250, "2.0.0", "Ok: queued as " + queueId);
    }

    /** The command or data timeout expired (RFC 5321 §4.5.3.2, RFC 3463 X.4.2). */
    public static SmtpReply timeout(String hostname) {
        return SmtpReply.of(421, "4.4.2", hostname + " Error: timeout exceeded");
    }

    public static SmtpReply tooManyConnections(String hostname) {
        return SmtpReply.of(421, "4.7.0", hostname + " Error: too many connections");
    }

    public static SmtpReply tooManyConnectionsFrom(String hostname, String client) {
        return SmtpReply.of(421, "4.7.0", hostname + " Error: too many connections from " + client);
    }

    public static SmtpReply shuttingDown(String hostname) {
        return SmtpReply.of(421, "4.3.2", hostname + " Service shutting down, closing transmission channel");
    }
}
