/**
 * MIME as bytes: a parser that keeps every byte of a message (header sections, boundaries,
 * preambles, epilogues) in a {@link sempgw.agent.mime.MimePart} tree over one buffer, the
 * transfer encodings with the parameters encoders differ in, charsets, RFC 2047 and RFC 2231
 * words and parameters, address and Message-ID parsing, and the header fields we compose.
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>CLIENT.md §6.4.2 (MIME composition), §6.4.4 (synthetic {@code <id@semp.example>} ids)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 5322 (message format), RFC 6532 (UTF-8 headers), RFC 2045 (MIME header fields, transfer
 * encodings), RFC 2046 (media types, multipart), RFC 2047 (encoded words), RFC 2183
 * (Content-Disposition), RFC 2231 (parameter value extensions), RFC 2387 (multipart/related).
 *
 * <h2>Security</h2>
 * Pure code: no I/O, no clock. Parsing is bounded ({@link sempgw.agent.mime.MimeLimits}: header
 * section and field sizes, nesting depth, part count) and every refusal is a checked
 * {@link sempgw.agent.mime.MimeException}. {@code toString} never shows content or addresses.
 */
package sempgw.agent.mime;
