package sempgw.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The recognised lines are the gateways' log formats; {@code DemoNetworkTest} checks them against live events. */
final class HopRecognizerTest {
    final HopRecognizer recognizer = new HopRecognizer("beta.test", 40123);

    @Test
    void discovery_recipientSpeaksSemp_discoveryHop() {
        Optional<Hop> hop = recognizer.recognise(HopRecognizer.DISCOVERY, "discovery beta.test: semp via localhost:8443 revision 3 (cached 3600 s)");

        assertThat(hop).contains(new Hop(Hop.Kind.DISCOVERY, "beta.test speaks SEMP: configuration from https://localhost:8443/, revision 3"));
    }

    @Test
    void discovery_otherDomain_noHop() {
        assertThat(recognizer.recognise(HopRecognizer.DISCOVERY, "discovery alpha.test: semp via localhost:8443 revision 1 (cached 3600 s)"))
                .isEmpty();
    }

    @Test
    void discovery_recipientLegacyOrFailing_problem() {
        assertThat(recognizer.recognise(HopRecognizer.DISCOVERY, "discovery beta.test: legacy, MX mail.beta.test (cached 300 s)"))
                .get().extracting(Hop::kind).isEqualTo(Hop.Kind.PROBLEM);
        assertThat(recognizer.recognise(HopRecognizer.DISCOVERY, "discovery beta.test: temporary failure DNS_TIMEOUT, no answer"))
                .get().extracting(Hop::text).isEqualTo("discovery of beta.test: temporary failure, DNS_TIMEOUT, no answer");
    }

    @Test
    void handshake_sessionEstablished_suiteAndTransport() {
        Optional<Hop> hop = recognizer.recognise(HopRecognizer.HANDSHAKES,
                "federation beta.test: session 01JD5 established over h2, pq-kyber768-x25519, expires 2026-11-26T04:00:00Z");

        assertThat(hop).contains(new Hop(Hop.Kind.HANDSHAKE, "federation session with beta.test over h2, suite pq-kyber768-x25519"));
    }

    @Test
    void handshake_failed_problem() {
        assertThat(recognizer.recognise(HopRecognizer.HANDSHAKES, "federation beta.test: handshake over ws failed: auth_failed"))
                .contains(new Hop(Hop.Kind.PROBLEM, "beta.test: handshake over ws failed: auth_failed"));
    }

    @Test
    void inbox_storedEnvelope_sealedSize() {
        Optional<Hop> hop = recognizer.recognise(HopRecognizer.INBOX,
                "7QKZ3M2A9F: envelope 01JD5X from alpha.test queued for 1 local recipient(s), 8192 bytes");

        assertThat(hop).contains(new Hop(Hop.Kind.SEALED, "envelope 01JD5X from alpha.test received sealed: 8192 bytes"));
    }

    @Test
    void bridge_envelopeOpenedForMailbox_openedOrSealedWithSize() {
        assertThat(recognizer.recognise(HopRecognizer.MAILBOX_INBOX, "4CGT9G9RJB977: envelope 01JD5X from alpha.test queued for a mailbox"))
                .contains(new Hop(Hop.Kind.OPENED, "envelope 01JD5X from alpha.test opened and queued for the mailbox host"));
        assertThat(recognizer.recognise(HopRecognizer.MAILBOX_INBOX,
                "4CGT9G9RJB977: envelope 01JD5X from alpha.test queued for a mailbox, 8192 bytes sealed"))
                .contains(new Hop(Hop.Kind.SEALED, "envelope 01JD5X from alpha.test received sealed: 8192 bytes; opened and queued for the mailbox host"));
    }

    @Test
    void bridge_envelopeNotOpenedOrRouteRefused_problem() {
        assertThat(recognizer.recognise(HopRecognizer.MAILBOX_INBOX, "envelope 01JD5X from alpha.test for a mailbox not opened: SEAL_INVALID (x)"))
                .get().extracting(Hop::kind).isEqualTo(Hop.Kind.PROBLEM);
        assertThat(recognizer.recognise(HopRecognizer.SEMP_ROUTE,
                "08DtfO77p7D5Gj: semp peer=beta.test outcome=failed recipients=1: 550 5.1.1 the recipient has no published SEMP keys"))
                .contains(new Hop(Hop.Kind.PROBLEM, "semp delivery to beta.test: failed, 550 5.1.1 the recipient has no published SEMP keys"));
    }

    @Test
    void outcome_deliveredWithReceipt_receiptHop() {
        Optional<Hop> hop = recognizer.recognise(HopRecognizer.DELIVERY_AGENT,
                "7QKZ3M2A9F: semp peer=beta.test outcome=delivered code=delivered recipients=1 receipt_key="
                        + "ab9e233401fb9d19f987202c71083d2303470832bf7de6e6853140902f264baa");

        assertThat(hop).contains(new Hop(Hop.Kind.RECEIPT, "beta.test delivered; its signed receipt verified (key ab9e233401fb9d19...)"));
    }

    @Test
    void outcome_deliveredWithoutRecipientCount_receiptHop() {
        assertThat(recognizer.recognise(HopRecognizer.DELIVERY_AGENT, "08DtfO77p7D5Gj: semp peer=beta.test outcome=delivered code=delivered envelope=01KQHG6NK0HEJ1ENKY2QZ7M7HF receipt_key=ab12cd"))
                .contains(new Hop(Hop.Kind.RECEIPT, "beta.test delivered; its signed receipt verified (key ab12cd)"));
    }

    @Test
    void outcome_deferred_problem() {
        Optional<Hop> hop = recognizer.recognise(HopRecognizer.DELIVERY_AGENT,
                "7QKZ3M2A9F: semp peer=beta.test outcome=deferred code=silent recipients=1 session=dropped: no acknowledgment within 30 s");

        assertThat(hop).get().extracting(Hop::kind).isEqualTo(Hop.Kind.PROBLEM);
        assertThat(hop.get().text()).contains("deferred (silent)", "no acknowledgment");
    }

    @Test
    void deliveryLog_sentToTheSink_mailboxHopWithTheReply() {
        Optional<Hop> hop = recognizer.recognise(HopRecognizer.DELIVERY_LOG, "4CGT9G9RJB977: to=<bob@beta.test>, relay=smtp:[127.0.0.1]:40123, "
                + "delay=0.1, status=sent (host 127.0.0.1[127.0.0.1]:40123 said: 250 Ok (in reply to end of DATA command))");

        assertThat(hop).contains(new Hop(Hop.Kind.MAILBOX, "beta.test handed <bob@beta.test> to the mailbox host: 250 Ok"));
    }

    @Test
    void deliveryLog_otherRelay_noHop() {
        assertThat(recognizer.recognise(HopRecognizer.DELIVERY_LOG,
                "08DtfO77p7D5Gj: to=<bob@beta.test>, relay=beta.test, delay=0.3, status=sent (semp; delivered, receipt signed by key ab at t)")).isEmpty();
    }

    @Test
    void otherLogger_noHop() {
        assertThat(recognizer.recognise("sempgw.app.Gateway", "discovery beta.test: semp via localhost:1 revision 1")).isEmpty();
    }
}
