/**
 * Relay and sender control: who may send to which recipients, and as whom. {@code RelayPolicy}
 * decides per recipient from the client's network ({@code CidrRange}), its authentication, the
 * local domains and a {@code RecipientValidator} ({@code FileRecipientValidator} reads one from a
 * file). {@code SenderLoginPolicy} decides per MAIL which reverse-paths an authenticated login
 * may use: its own address and what {@code SenderLogins} lists ({@code SenderLoginsFile} reads
 * it from a file).
 *
 * <p><b>Security:</b> the gateway is never an open relay: a recipient outside the local domains
 * is accepted only from a relay network or an authenticated client; unknown local users are
 * refused at RCPT, so nothing is bounced to forged senders. An authenticated user cannot send
 * as an address it does not own, so it cannot have mail signed with another mailbox's key.
 * Network ranges are parsed from literals, never through DNS.
 *
 * <p><b>Standards:</b> RFC 5321 §3.3 (553 for a mailbox name not allowed), §3.6 (relaying),
 * §4.5.1 (postmaster); RFC 2505 (anti-spam recommendations for MTAs); RFC 4632 (CIDR);
 * RFC 4954 §3 (the authenticated identity).
 */
package sempgw.smtp.ingress.policy;
