/**
 * The DATA stream as pure, incremental code: {@code DotStuffedDecoder} finds the end of data
 * and removes dot-stuffing; {@code ContentScanner} holds the content to its
 * {@code MessageLimits} (size, line length, NUL, header section, hop count). Both work on
 * chunks split anywhere, in constant memory, and copy nothing.
 *
 * <p><b>Security:</b> sees message content in transit and keeps none of it; only
 * {@code CRLF . CRLF} ends the data, so bare CR or LF cannot smuggle a second message.
 *
 * <p><b>Standards:</b> RFC 5321 §2.3.8 (line endings), §4.1.1.4 (DATA), §4.5.2 (transparency),
 * §4.5.3.1.6 (line length), §6.3 (loop detection); RFC 1870 §6 (SIZE); RFC 5322 §2.1, §2.2
 * (header section).
 */
package sempgw.smtp.ingress.data;
