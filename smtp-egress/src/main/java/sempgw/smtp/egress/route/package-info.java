/**
 * Where mail goes: {@link sempgw.smtp.egress.route.Route} (MX lookup, a named host or address
 * literal, or an LMTP Unix socket), parsed from next-hop specifications
 * ({@link sempgw.smtp.egress.route.NextHop}) and a per-domain table
 * ({@link sempgw.smtp.egress.route.RouteTable}); chosen per domain by
 * {@link sempgw.smtp.egress.route.RouteResolver} (pure); turned into ordered addresses by
 * {@link sempgw.smtp.egress.route.MxResolver} over dnsjava, with an injectable resolver.
 *
 * <p>Limits: at most five addresses per delivery attempt (Postfix's smtp_mx_address_limit).
 *
 * <p><b>Security:</b> talks only to the configured recursive DNS resolver. A DNS failure is
 * always temporary, never a reason to treat a domain as having no mail servers (GATEWAY.md §4).
 *
 * <p><b>Standards:</b> RFC 5321 §5.1 (MX processing, implicit MX), RFC 5321 §4.1.3 (address
 * literals), RFC 7505 (null MX), RFC 2308 (negative answers), RFC 2033 (LMTP), RFC 3463.
 */
package sempgw.smtp.egress.route;
