/**
 * The DATA stream as pure, incremental code: {@code DotStuffedDecoder} finds the end of data
 * and removes dot-stuffing; {@code ContentScanner} holds the content to its
 * {@code MessageLimits} (size, line length, NUL, header section, hop count);
 * {@code HeaderFieldFilter} removes the header fields a sender must not set (by default a forged
 * {@code SEMP-Verification}, GATEWAY.md §3 flow 4). All work on chunks split anywhere and in
 * constant memory; the decoder and the scanner copy nothing.
 *
 * <p><b>Security:</b> sees message content in transit and keeps none of it; only
 * {@code CRLF . CRLF} ends the data, so bare CR or LF cannot smuggle a second message; a forged
 * verification field is removed wherever it sits above the first empty line.
 *
 * <p><b>Specification references:</b> GATEWAY.md §3 flow 4 (strip forged {@code SEMP-*}
 * verification fields), §6 (the one verification field the gateway adds).
 *
 * <p><b>Standards:</b> RFC 5321 §2.3.8 (line endings), §4.1.1.4 (DATA), §4.5.2 (transparency),
 * §4.5.3.1.6 (line length), §6.3 (loop detection); RFC 1870 §6 (SIZE); RFC 5322 §1.2.2, §2.1,
 * §2.2, §2.2.3, §3.6.8, §4.5.3 (header section, folding, field names); RFC 8601 §5 (removing
 * forged result fields).
 */
package sempgw.smtp.ingress.data;
