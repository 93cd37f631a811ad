/**
 * Test messages generated from a seed (no large files in git) and the checks applied to what
 * arrives: {@code MessageComparison} (octet identity apart from prepended trace fields) and
 * {@code DeliveryCheck} (every message, every recipient, envelope parameters, duplicates) for
 * the relay; {@code BridgeCorpus} (with S/MIME and PGP/MIME signatures made by
 * {@code SmimeSignature} and {@code PgpSignature}), {@code BridgeComparison} (what a mail client
 * shows: MIME tree, decoded parts by SHA-256, user-visible headers, verification field,
 * signatures) and {@code BridgeCheck} for the bridge. {@code MimeEntity} reads MIME without
 * re-encoding anything.
 *
 * <p>Specification references: CLIENT.md §6.4.3 (SEMP upgrade-signal fields a gateway may add),
 * CLIENT.md §6.4.2 (no Bcc field), CLIENT.md §4.3.3 and GATEWAY.md §6 (the verification field).
 *
 * <p>Standards: RFC 5322 (line length §2.1.1), RFC 2045 (base64 §6.8, quoted-printable §6.7),
 * RFC 2046 (multipart), RFC 2047 (encoded words), RFC 2231 (parameter values), RFC 6532 (UTF-8
 * headers), RFC 5321 §4.4 (trace fields), RFC 2387 (multipart/related), RFC 5545 and RFC 6047
 * (calendar invitations), RFC 1847 (multipart/signed), RFC 8551 and RFC 5652 (S/MIME, CMS),
 * RFC 3156 and RFC 4880 (PGP/MIME, OpenPGP), RFC 5322 §3.4, §3.3, §3.6.4 (addresses, dates, msg-ids).
 *
 * <p>Security: synthetic content only; the signing keys are made from the corpus seed, for tests.
 */
package sempgw.e2e.corpus;
