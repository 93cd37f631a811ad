package sempgw.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

final class AuthoritativeAnswersTest {
    static final Name SRV_NAME = Name.fromConstantString("_semp._tcp.alpha.test.");

    final AuthoritativeAnswers answers = new AuthoritativeAnswers(List.of(zone("alpha.test"), zone("beta.test")));

    /** A zone like the demo's: SRV and TXT under {@code _semp._tcp}, and a TXT record too large for 512 bytes. */
    static DemoZone zone(String domain) {
        Name apex = Name.fromConstantString(domain + ".");
        List<Record> records = new ArrayList<>();
        records.add(new SRVRecord(Name.fromConstantString("_semp._tcp." + apex), DClass.IN, 3600, 0, 0, 8443,
                Name.fromConstantString("localhost.")));
        records.add(new TXTRecord(Name.fromConstantString("_semp._tcp." + apex), DClass.IN, 3600, "v=semp1;c=h2,ws"));
        records.add(new TXTRecord(Name.fromConstantString("big." + apex), DClass.IN, 3600, List.of("a".repeat(250), "b".repeat(250), "c".repeat(250))));
        return DemoZone.of(domain, records);
    }

    static Message query(String name, int type) {
        return Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
    }

    @Test
    void answer_existingSrv_authoritativeAnswerWithoutRecursion() {
        Message q = query("_semp._tcp.alpha.test.", Type.SRV);
        Message r = answers.answer(q);

        assertThat(r.getHeader().getID()).isEqualTo(q.getHeader().getID());
        assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(r.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(r.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(r.getHeader().getFlag(Flags.RD)).isTrue();
        assertThat(r.getHeader().getFlag(Flags.RA)).isFalse();
        assertThat(r.getQuestion()).isEqualTo(q.getQuestion());
        assertThat(r.getSection(Section.ANSWER)).singleElement().isInstanceOfSatisfying(SRVRecord.class,
                srv -> assertThat(srv.getPort()).isEqualTo(8443));
    }

    @Test
    void answer_nameInOtherCase_sameAnswer() {
        Message r = answers.answer(query("_SEMP._TCP.Alpha.TEST.", Type.TXT));

        assertThat(r.getSection(Section.ANSWER)).singleElement().isInstanceOf(TXTRecord.class);
    }

    @Test
    void answer_demoAddsMxAndLoopbackAddresses() {
        Message mx = answers.answer(query("beta.test.", Type.MX));
        Message a = answers.answer(query("mail.beta.test.", Type.A));

        assertThat(mx.getSection(Section.ANSWER)).singleElement().extracting(Record::rdataToString).isEqualTo("10 mail.beta.test.");
        assertThat(a.getSection(Section.ANSWER)).singleElement().extracting(Record::rdataToString).isEqualTo("127.0.0.1");
    }

    @Test
    void answer_unknownName_nxdomainWithSoa() {
        Message r = answers.answer(query("nobody.alpha.test.", Type.A));

        assertThat(r.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(r.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(r.getSection(Section.ANSWER)).isEmpty();
        assertThat(r.getSection(Section.AUTHORITY)).singleElement().isInstanceOfSatisfying(SOARecord.class,
                soa -> assertThat(soa.getName()).isEqualTo(Name.fromConstantString("alpha.test.")));
    }

    @Test
    void answer_existingNameOtherType_nodataWithSoa() {
        Message r = answers.answer(query("_semp._tcp.alpha.test.", Type.A));

        assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(r.getSection(Section.ANSWER)).isEmpty();
        assertThat(r.getSection(Section.AUTHORITY)).singleElement().isInstanceOf(SOARecord.class);
    }

    @Test
    void answer_emptyNonTerminal_nodataNotNxdomain() {
        Message r = answers.answer(query("_tcp.alpha.test.", Type.TXT));

        assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(r.getSection(Section.AUTHORITY)).singleElement().isInstanceOf(SOARecord.class);
    }

    @Test
    void answer_anyType_everyRecordOfTheName() {
        Message r = answers.answer(query("_semp._tcp.alpha.test.", Type.ANY));

        assertThat(r.getSection(Section.ANSWER)).extracting(Record::getType).containsExactlyInAnyOrder(Type.SRV, Type.TXT);
    }

    @Test
    void answer_otherZone_refusedNotAuthoritative() {
        Message r = answers.answer(query("example.org.", Type.A));

        assertThat(r.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(r.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(r.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void answer_zoneTransfer_refused() {
        assertThat(answers.answer(query("alpha.test.", Type.AXFR)).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void answer_otherClass_refused() {
        Message q = Message.newQuery(Record.newRecord(Name.fromConstantString("alpha.test."), Type.A, DClass.CH));

        assertThat(answers.answer(q).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void answer_notifyOpcode_notImplemented() {
        Message q = query("alpha.test.", Type.SOA);
        q.getHeader().setOpcode(Opcode.NOTIFY);

        assertThat(answers.answer(q).getRcode()).isEqualTo(Rcode.NOTIMP);
    }

    @Test
    void answer_twoQuestions_formatError() {
        Message q = query("alpha.test.", Type.SOA);
        q.addRecord(Record.newRecord(Name.fromConstantString("beta.test."), Type.SOA, DClass.IN), Section.QUESTION);

        assertThat(answers.answer(q).getRcode()).isEqualTo(Rcode.FORMERR);
    }

    @Test
    void answer_ednsQuery_optEchoedWithOurPayload() {
        Message q = query("alpha.test.", Type.SOA);
        q.addRecord(new OPTRecord(4096, 0, 0), Section.ADDITIONAL);

        OPTRecord opt = answers.answer(q).getOPT();
        assertThat(opt).isNotNull();
        assertThat(opt.getPayloadSize()).isEqualTo(AuthoritativeAnswers.EDNS_PAYLOAD);
    }

    @Test
    void answer_ednsVersion1_badvers() {
        Message q = query("alpha.test.", Type.SOA);
        q.addRecord(new OPTRecord(4096, 0, 1), Section.ADDITIONAL);

        assertThat(answers.answer(q).getRcode()).isEqualTo(Rcode.BADVERS);
    }

    @Test
    void reply_largeAnswerOverUdpWithoutEdns_truncatedWithTc() throws Exception {
        byte[] wire = answers.reply(query("big.alpha.test.", Type.TXT).toWire(), true).orElseThrow();

        assertThat(wire.length).isLessThanOrEqualTo(AuthoritativeAnswers.CLASSIC_UDP);
        assertThat(new Message(wire).getHeader().getFlag(Flags.TC)).isTrue();
    }

    @Test
    void reply_largeAnswerOverTcp_complete() throws Exception {
        Message r = new Message(answers.reply(query("big.alpha.test.", Type.TXT).toWire(), false).orElseThrow());

        assertThat(r.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(r.getSection(Section.ANSWER)).singleElement().isInstanceOf(TXTRecord.class);
    }

    @Test
    void reply_garbageWithHeader_formErrWithTheId() throws Exception {
        byte[] garbage = {0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x7f, 0x7f};

        Message r = new Message(answers.reply(garbage, true).orElseThrow());
        assertThat(r.getHeader().getID()).isEqualTo(0x1234);
        assertThat(r.getRcode()).isEqualTo(Rcode.FORMERR);
    }

    @Test
    void reply_tooShortOrAResponse_noReply() {
        Message response = query("alpha.test.", Type.SOA);
        response.getHeader().setFlag(Flags.QR);

        assertThat(answers.reply(new byte[] {1, 2, 3}, true)).isEmpty();
        assertThat(answers.reply(response.toWire(), true)).isEmpty();
    }
}
