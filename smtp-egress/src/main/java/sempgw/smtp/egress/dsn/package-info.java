/**
 * Delivery status notifications (Postfix's bounce(8) role): {@link sempgw.smtp.egress.dsn.DsnComposer}
 * turns per-recipient outcomes into an RFC 3464 report, sent from the null sender to the
 * original sender, which the caller queues through Cleanup like any other message. Failed,
 * delayed and success (relayed/delivered) reports, RET, ENVID, ORCPT and NOTIFY honoured.
 *
 * <p>Limits: an original message over {@link sempgw.smtp.egress.dsn.DsnComposer#DEFAULT_MAX_RETURNED_SIZE}
 * octets (configurable) is returned as its header section only.
 *
 * <p><b>Security:</b> pure composition, no network; reads the original message to return it to
 * its own sender only; a null-sender message never produces a report, so reports cannot loop.
 *
 * <p><b>Standards:</b> RFC 3464 (message/delivery-status), RFC 3461 §4, §6 (NOTIFY, RET, ENVID,
 * ORCPT), RFC 6522 (multipart/report, text/rfc822-headers), RFC 6533 (internationalised DSNs),
 * RFC 3463 (status codes), RFC 3834 §5 (Auto-Submitted), RFC 5322 §2.2.3, §3.3.
 */
package sempgw.smtp.egress.dsn;
