package sempgw.policy;

import java.util.Objects;

/**
 * Routes one recipient (GATEWAY.md §4, CLIENT.md §6.4.5: mixed recipient lists are split, each
 * recipient routed on its own, never downgraded as a whole). Rules, in order:
 * <ol>
 *   <li>A local domain goes over SMTP to the organisation's mailbox host, whatever the mode.</li>
 *   <li>{@code smtp-only} goes over SMTP.</li>
 *   <li>A sender without a provisioned SEMP mailbox cannot send SEMP at all, whatever discovery
 *       says: {@code semp-preferred} goes over SMTP; {@code semp-required} is refused as
 *       {@code 550 5.7.1}: X.7.1, "delivery not authorized", because this sender has no SEMP
 *       identity to send with (RFC 3463 §3.8).</li>
 *   <li>A SEMP domain goes over SEMP.</li>
 *   <li>A legacy domain: {@code semp-preferred} goes over SMTP; {@code semp-required} is refused
 *       as {@code 550 5.7.4}: X.7.4, "security features not supported", the message carries a
 *       security requirement the only delivery protocol available cannot meet (RFC 3463 §3.8).
 *       This is the SEMP analogue of REQUIRETLS's X.7.30 (RFC 8689 §5), which names TLS and so
 *       would mislead here.</li>
 *   <li>A domain that speaks only another SEMP major version is non-SEMP for us; CONFORMANCE.md
 *       §9.1.3 says to "fall back per CLIENT.md section 6.4 or abandon the delivery per operator
 *       policy": {@code semp-preferred} goes over SMTP when the domain has an SMTP route;
 *       {@code semp-required}, or a domain without one, is refused as {@code 554 5.5.5}: X.5.5,
 *       "wrong protocol version", a mismatch the parties could not resolve (RFC 3463 §3.6), and
 *       the status docs/outcomes.md gives the SEMP code {@code version_unsupported}, which the
 *       text names with what the domain declared. Not 5.7.4 as for a legacy domain: this one
 *       does publish SEMP, and the operator must see that the version is the obstacle.</li>
 *   <li>A domain that accepts no mail: {@code semp-preferred} goes to smtp-egress, which bounces
 *       it as it does any mail to such a domain; {@code semp-required} is refused here as
 *       {@code 550 5.1.2}, "bad destination system address" (RFC 3463 §3.2, which covers both
 *       NXDOMAIN and the null MX of RFC 7505), so that a required message never meets a second
 *       DNS lookup that might answer differently.</li>
 *   <li>Discovery failed: deferred as {@code 451 4.4.3}, "directory server failure", whose
 *       definition names the unreachable DNS server (RFC 3463 §3.5), in both SEMP modes: a DNS
 *       failure is never "legacy" (GATEWAY.md §4). 451 is the temporary end-of-data reply
 *       (RFC 5321 §4.3.2).</li>
 * </ol>
 */
public final class Router {

    static final SmtpStatus NO_MAILBOX = new SmtpStatus(550, "5.7.1",
            "semp-required: the sender has no SEMP mailbox at this gateway; not sent in clear");
    static final SmtpStatus LEGACY_REQUIRED = new SmtpStatus(550, "5.7.4",
            "semp-required: the recipient domain does not publish SEMP; not sent in clear");
    static final SmtpStatus NO_MAIL_REQUIRED = new SmtpStatus(550, "5.1.2",
            "the recipient domain does not accept mail (no such domain, or a null MX)");
    static final SmtpStatus OTHER_MAJOR_REQUIRED = new SmtpStatus(554, "5.5.5",
            "semp-required: the recipient domain speaks only another SEMP major version (version_unsupported); not sent in clear");
    static final SmtpStatus OTHER_MAJOR_NO_SMTP = new SmtpStatus(554, "5.5.5",
            "version_unsupported: the recipient domain speaks only another SEMP major version and receives no SMTP mail");
    static final SmtpStatus DISCOVERY_FAILED = new SmtpStatus(451, "4.4.3",
            "SEMP discovery failed temporarily; not sent in clear, will retry");

    private Router() {
    }

    /**
     * The route for one recipient. For a local domain, {@code smtp-only} or a sender without a
     * mailbox, {@code peer} is not consulted, so the caller may skip discovery in those cases.
     *
     * @param mode the mode from {@link PolicyTable#modeFor}
     * @param peer what discovery concluded about the recipient's domain
     * @param senderHasMailbox whether the envelope sender has a provisioned SEMP mailbox here
     * @param localDomain whether the recipient's domain is one this gateway serves
     */
    public static Route route(DeliveryMode mode, PeerStatus peer, boolean senderHasMailbox, boolean localDomain) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(peer, "peer");
        if (localDomain) {
            return new Route.ViaSmtp(Route.Cause.LOCAL_DOMAIN);
        }
        if (mode == DeliveryMode.SMTP_ONLY) {
            return new Route.ViaSmtp(Route.Cause.SMTP_ONLY);
        }
        boolean required = mode == DeliveryMode.SEMP_REQUIRED;
        if (!senderHasMailbox) {
            return required ? new Route.Refuse(NO_MAILBOX) : new Route.ViaSmtp(Route.Cause.NO_SENDER_MAILBOX);
        }
        return switch (peer) {
            case PeerStatus.Semp _ -> new Route.ViaSemp();
            case PeerStatus.Legacy _ -> required ? new Route.Refuse(LEGACY_REQUIRED) : new Route.ViaSmtp(Route.Cause.LEGACY_DOMAIN);
            case PeerStatus.NoMail _ -> required ? new Route.Refuse(NO_MAIL_REQUIRED) : new Route.ViaSmtp(Route.Cause.NO_MAIL);
            case PeerStatus.OtherMajor(String _, boolean smtp) when !required && smtp -> new Route.ViaSmtp(Route.Cause.OTHER_MAJOR);
            case PeerStatus.OtherMajor(String declared, boolean smtp) ->
                    new Route.Refuse(withDetail(required ? OTHER_MAJOR_REQUIRED : OTHER_MAJOR_NO_SMTP, declared));
            case PeerStatus.Unknown(String detail) -> new Route.Defer(withDetail(DISCOVERY_FAILED, detail));
        };
    }

    /** {@code status} naming what discovery found or what failed, sanitised and bounded to fit the reply line. */
    private static SmtpStatus withDetail(SmtpStatus status, String detail) {
        String clean = ReplyText.sanitize(detail);
        return clean.isEmpty() ? status : status.withText(status.text() + " (" + clean + ")");
    }
}
