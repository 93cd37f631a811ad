package sempgw.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.enclosure.Attachment;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.open.OpenedEnvelope;
import sempgw.core.envelope.seal.Verdict;
import sempgw.core.json.JsonNumber;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;

/**
 * Compose -> seal -> receive -> open returns what was sent, for random content, 1-20 recipients
 * across two domains with Cc and Bcc, attachments and extensions, in both suites.
 */
final class EnvelopeRoundTripPropertiesTest {

    /** One random message. */
    record Message(SuiteId suite, List<String> to, List<String> cc, List<String> bcc, String subject, Map<String, String> body,
                   List<Attachment> attachments, JsonObject extensions) {
    }

    @Property(tries = 20)
    void roundTrip_randomMessage_everyRecipientGetsItBack(@ForAll("messages") Message m) throws Exception {
        TestWorld w = TestWorld.of(m.suite());
        String contentType = m.body().size() == 1 ? m.body().keySet().iterator().next() : "multipart/alternative";
        Enclosure enclosure = new Enclosure(Optional.of(m.subject()), contentType, m.body(), m.attachments(), Optional.empty(),
                m.extensions(), Optional.empty());
        Brief brief = new Brief("msg-prop", TestWorld.SENDER, m.to(), m.cc(), m.bcc(), Optional.of("alice+re@a.example"), TestWorld.NOW,
                Optional.of("thread"), Optional.empty(), Optional.empty(), m.extensions());
        List<ComposedEnvelope> out = w.compose(new Draft(brief, enclosure));

        Set<String> reached = new LinkedHashSet<>();
        for (ComposedEnvelope c : out) {
            byte[] wire = EnvelopeCodec.encode(w.seal(c.envelope()));
            assertThat(SizeBuckets.standard().isBucket(wire.length)).isTrue();
            Verdict v = w.verifier().receive(wire, TestWorld.NOW);
            assertThat(v).isInstanceOf(Verdict.Accepted.class);
            Brief expected = brief.withBcc(c.blindCopy() ? c.recipients() : List.of());
            assertThat(((Verdict.Accepted) v).brief()).isEqualTo(expected);
            for (String r : c.recipients()) {
                OpenedEnvelope o = w.opener(r).open(((Verdict.Accepted) v).envelope().envelope());
                assertThat(o.brief()).isEqualTo(expected);
                assertThat(o.enclosure().withSenderSignature(o.enclosure().senderSignature().orElseThrow()))
                        .usingRecursiveComparison().ignoringFields("senderSignature").isEqualTo(enclosure);
                reached.add(r);
            }
        }
        Set<String> everyone = new LinkedHashSet<>(m.to());
        everyone.addAll(m.cc());
        everyone.addAll(m.bcc());
        assertThat(reached).isEqualTo(everyone);
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<String> address = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6),
                Arbitraries.of("b.example", "c.example")).as((l, d) -> l + "@" + d);
        Arbitrary<List<String>> to = address.list().ofMinSize(1).ofMaxSize(12).uniqueElements();
        Arbitrary<List<String>> cc = address.list().ofMaxSize(5).uniqueElements();
        Arbitrary<List<String>> bcc = address.list().ofMaxSize(3).uniqueElements();
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(300)
                .filter(s -> s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
        Arbitrary<Map<String, String>> body = Arbitraries.oneOf(
                text.map(t -> Map.of("text/plain", t)),
                Combinators.combine(text, text).as((p, h) -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("text/plain", p);
                    m.put("text/html", "<p>" + h + "</p>");
                    return m;
                }));
        Arbitrary<List<Attachment>> attachments = Arbitraries.bytes().array(byte[].class).ofMaxSize(1500)
                .map(b -> Attachment.of("att-" + b.length, "f" + b.length + ".bin", "application/octet-stream", b)).list().ofMaxSize(2)
                .map(l -> {
                    Map<String, Attachment> unique = new LinkedHashMap<>();
                    l.forEach(a -> unique.putIfAbsent(a.id(), a));
                    return List.copyOf(unique.values());
                });
        Arbitrary<JsonObject> extensions = Arbitraries.integers().between(0, 2).map(n -> {
            JsonObject.Builder b = JsonObject.builder();
            for (int i = 0; i < n; i++) {
                b.put("x.example/e" + i, Extensions.entry(false, JsonObject.builder().put("n", JsonNumber.of(i)).put("s", JsonString.of("v<&>")).build()));
            }
            return b.build();
        });
        return Combinators.combine(Arbitraries.of(SuiteId.class), to, cc, bcc, text, body, attachments, extensions)
                .as((s, t, c, b, subj, bod, att, ext) -> {
                    List<String> ccOnly = new ArrayList<>(c);
                    ccOnly.removeAll(t);
                    return new Message(s, t, ccOnly, b, subj.isEmpty() ? "subject" : subj, bod, att, ext);
                })
                .filter(m -> m.to().size() + m.cc().size() + m.bcc().size() <= 20);
    }

    @Property(tries = 5)
    void sizes_recipientCountsOneToTwenty_landOnTheirBuckets(@ForAll @IntRange(min = 1, max = 20) int n) throws Exception {
        TestWorld w = TestWorld.of(SuiteId.X25519_CHACHA20_POLY1305);
        List<String> to = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            to.add("r" + i + "@b.example");
        }
        Envelope e = w.compose(TestWorld.draft("s", "b", to.toArray(String[]::new))).getFirst().envelope();
        int bucket = RecipientBuckets.enclosureBucket(n).orElseThrow();
        assertThat(e.seal().enclosureRecipients()).hasSize(bucket);
        assertThat(e.seal().briefRecipients()).hasSize(RecipientBuckets.briefEntries(bucket, 2));
    }
}
