package sempgw.agent.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Address lists, parameters, encoded words, message ids and the header fields we write. */
final class HeaderTextTest {

    @Test
    void addresses_everyForm() {
        List<Mailbox> m = AddressParser.parse("\"Doe, John\" <john@x.example>, plain@y.example (Comment, here), "
                + "team: a@t.example, =?utf-8?Q?J=C3=BCrgen?= <j@t.example>;, <@route,@r2:routed@z.example>, "
                + "用户 <用户@u.example>, undisclosed-recipients:;, broken, \"quoted local\"@q.example");

        assertThat(m).extracting(Mailbox::address).containsExactly("john@x.example", "plain@y.example", "a@t.example", "j@t.example",
                "routed@z.example", "用户@u.example", "\"quoted local\"@q.example");
        assertThat(m.get(0).displayName()).contains("Doe, John");
        assertThat(m.get(3).displayName()).contains("Jürgen");
        assertThat(m.get(1).displayName()).isEmpty();
    }

    @Test
    void params_rfc2231ContinuationsAndCharsets() {
        Map<String, String> p = MimeParams.parse("; filename*0*=iso-8859-1'de'Gr%FC; filename*1*=%DFe; FILENAME*2=\".txt\";"
                + " name=\"=?utf-8?B?w7xiZXI=?=\"; size=12 ; x=\"a;b\\\"c\"");

        assertThat(p).containsEntry("filename", "Grüße.txt").containsEntry("name", "über").containsEntry("size", "12")
                .containsEntry("x", "a;b\"c");
    }

    @Test
    void encodedWords_decodeRules() {
        assertThat(EncodedWords.decode("=?utf-8?q?a_b?= =?UTF-8?B?w7w=?= c")).isEqualTo("a bü c");
        assertThat(EncodedWords.decode("=?x-nope?Q?kept?= and =?utf-8?Q?bad=Z?=")).isEqualTo("=?x-nope?Q?kept?= and =?utf-8?Q?bad=Z?=");
        assertThat(EncodedWords.decode("=?iso-8859-1*de?Q?Gr=FC=DFe?=")).isEqualTo("Grüße");
        assertThat(EncodedWords.decode("=?utf-8?Q?Gr=C3?= =?UTF-8?B?vA==?=e =?utf-8?Q?=C3?= =?iso-8859-1?Q?=FC?=")).isEqualTo("Grüe \uFFFDü");
    }

    @Test
    void messageIds_parsingAndSemp() {
        assertThat(MessageIds.parse("<a@b> (c) <bad> <x@y>\r\n <sp ace@z>")).containsExactly("a@b", "x@y");
        assertThat(MessageIds.sempId("01ABC@Semp.Invalid")).contains("01ABC");
        assertThat(MessageIds.sempId("01ABC@semp.example")).contains("01ABC");
        assertThat(MessageIds.sempId("01ABC@example.com")).isEmpty();
        assertThat(MessageIds.sempId("=ZZ@semp.invalid")).isEmpty();
        assertThat(MessageIds.synthetic("01ABC")).isEqualTo("<01ABC@semp.invalid>");
    }

    @Test
    void headerWriter_mailboxesAndFolding() {
        assertThat(HeaderWriter.mailbox(Optional.of("Doe, John"), "john@x.example")).isEqualTo("\"Doe, John\" <john@x.example>");
        assertThat(HeaderWriter.mailbox(Optional.of("Jürgen"), "j@x.example")).isEqualTo("=?utf-8?B?SsO8cmdlbg==?= <j@x.example>");
        assertThat(HeaderWriter.addrSpec("with space@x.example")).isEqualTo("\"with space\"@x.example");
        assertThat(HeaderWriter.addrSpec("用户@x.example")).isEqualTo("用户@x.example");
        String to = HeaderWriter.addresses("To", List.of("aaaaaaaaaaaaaaaaaaaa@x.example", "bbbbbbbbbbbbbbbbbbbbbbbbb@x.example",
                "cccccccccccccccccccc@x.example"));
        assertThat(to).isEqualTo("To: aaaaaaaaaaaaaaaaaaaa@x.example, bbbbbbbbbbbbbbbbbbbbbbbbb@x.example,\r\n cccccccccccccccccccc@x.example\r\n");
        assertThat(HeaderWriter.unstructured("Subject", "line\r\nbreak")).isEqualTo("Subject: line break\r\n");
        assertThat(HeaderWriter.unstructured("Subject", "looks =?like?= a word")).startsWith("Subject: =?utf-8?B?");
    }

    @Test
    void dates_lenientParseAndFormat() {
        assertThat(DateHeader.parse("Mon, 9 Jun 2025 08:30:00 EST")).contains(java.time.Instant.parse("2025-06-09T13:30:00Z"));
        assertThat(DateHeader.parse("9 Jun 2025 08:30 +0200 (CEST)")).contains(java.time.Instant.parse("2025-06-09T06:30:00Z"));
        assertThat(DateHeader.parse("yesterday")).isEmpty();
        assertThat(DateHeader.format(java.time.Instant.parse("2025-06-09T06:30:00Z"))).isEqualTo("Mon, 9 Jun 2025 06:30:00 +0000");
    }

    @Test
    void dates_parsedFromManyThreadsAtOnce_eachGetsItsOwnAnswer() throws Exception {
        java.time.Instant base = java.time.Instant.parse("2025-06-09T06:30:00Z");
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4000; i++) {
                java.time.Instant t = base.plusSeconds(97L * i);
                results.add(pool.submit(() -> DateHeader.parse(DateHeader.format(t)).equals(Optional.of(t))));
            }
            for (var r : results) {
                assertThat(r.get()).isTrue();
            }
        }
    }
}
