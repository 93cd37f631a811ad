package sempgw.app.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands: their outcomes, their words, and what they change. */
final class MailboxAdminTest {
    @TempDir
    Path dir;
    StoreFixture fx;
    MailboxAdmin admin;

    @BeforeEach
    void open() throws IOException {
        fx = new StoreFixture(dir.resolve("data"));
        fx.open();
        admin = fx.admin();
    }

    @AfterEach
    void close() throws IOException {
        fx.close();
    }

    @Test
    void add_mixedCase_provisionsTheLowerCaseAddressAndNamesItsKeys() {
        Outcome o = admin.add("Alice@Example.ORG");

        assertThat(o).isInstanceOf(Outcome.Done.class);
        assertThat(o.lines().getFirst()).isEqualTo("added alice@example.org, keys published:");
        assertThat(o.lines()).anyMatch(l -> l.startsWith("    identity ed25519:"))
                .anyMatch(l -> l.startsWith("    encryption pq-kyber768-x25519 ")).hasSize(4);
        assertThat(fx.store.provisioned("alice@example.org")).isTrue();
    }

    @Test
    void add_refusals_sayWhyAndChangeNothing() {
        admin.add("alice@example.org");

        assertThat(admin.add("alice@example.org")).isEqualTo(new Outcome.Refused(java.util.List.of("alice@example.org is already provisioned")));
        assertThat(admin.add("bob@example.net").lines()).containsExactly("bob@example.net is not at example.org (semp.domain)");
        assertThat(admin.add("@example.org")).isInstanceOf(Outcome.Refused.class);
        assertThat(admin.add("\"bob smith\"@example.org").lines().getFirst()).startsWith("not a mailbox address: ");
        assertThat(fx.store.list()).hasSize(1);
    }

    @Test
    void remove_unknown_refused_known_revokes() {
        assertThat(admin.remove("nobody@example.org").lines()).containsExactly("nobody@example.org is not provisioned");
        admin.add("alice@example.org");

        assertThat(admin.remove("alice@example.org").lines()).containsExactly("removed alice@example.org: 3 keys revoked, private keys deleted");
        assertThat(fx.store.provisioned("alice@example.org")).isFalse();
    }

    @Test
    void rotate_reportsNewKeysAndTheDecryptionWindow() {
        admin.add("alice@example.org");

        Outcome o = admin.rotate("alice@example.org");

        assertThat(o).isInstanceOf(Outcome.Done.class);
        assertThat(o.lines().getLast()).isEqualTo("the old identity key is revoked (superseded); the old encryption keys still decrypt until 2026-12-10T10:00:00Z");
        assertThat(admin.rotate("nobody@example.org")).isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void advertise_offThenOn() {
        admin.add("alice@example.org");

        assertThat(admin.advertise("alice@example.org", false).lines()).containsExactly("alice@example.org: upgrade-signal headers off");
        assertThat(fx.store.advertises("alice@example.org")).isFalse();
        assertThat(admin.advertise("alice@example.org", true)).isInstanceOf(Outcome.Done.class);
        assertThat(fx.store.advertises("alice@example.org")).isTrue();
    }

    @Test
    void list_showsKeyIdsAndStates_neverPrivateMaterial() throws Exception {
        admin.add("bob@example.org");
        admin.add("alice@example.org");
        admin.rotate("alice@example.org");
        admin.advertise("bob@example.org", false);
        var secrets = PrivateBytes.of(fx.store);

        Outcome o = admin.list();

        String text = String.join("\n", o.lines());
        assertThat(o.lines().getFirst()).startsWith("MAILBOX");
        assertThat(o.lines().get(1)).startsWith("alice@example.org").endsWith("yes");
        assertThat(o.lines().get(2)).contains("identity", "ed25519", "created 2026-11-26T10:00:00Z", "expires 2027-11-26T10:00:00Z", "current");
        assertThat(text).contains("retired 2026-11-26T10:00:00Z, decrypts until 2026-12-10T10:00:00Z", "revoked 2026-11-26T10:00:00Z (superseded)");
        assertThat(o.lines()).filteredOn(l -> l.startsWith("bob@")).singleElement().asString().endsWith("no");
        assertThat(o.lines().getLast()).isEqualTo("2 mailboxes");
        for (byte[] secret : secrets) {
            assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(secret).substring(0, 20))
                    .doesNotContain(java.util.HexFormat.of().formatHex(secret, 0, 16));
        }
    }

    @Test
    void importFile_addsMissing_reportsExisting_ignoresCommentsAndDuplicates() throws Exception {
        admin.add("bob@example.org");
        Path file = Files.writeString(dir.resolve("list.txt"), "# staff\nalice@example.org\n\n  Bob@example.org  \ncarol@EXAMPLE.org\nalice@example.org\n");

        Outcome o = admin.importFile(file);

        assertThat(o.lines()).containsExactly("added alice@example.org", "exists bob@example.org", "added carol@example.org",
                file + ": 2 added, 1 already provisioned");
        assertThat(fx.store.list()).hasSize(3);
    }

    @Test
    void importFile_oneBadLine_addsNothingAndNamesEveryBadLine() throws Exception {
        Path file = Files.writeString(dir.resolve("list.txt"), "alice@example.org\nbob@example.net\nnot an address\ncarol@example.org\n@example.org\n");

        Outcome o = admin.importFile(file);

        assertThat(o).isInstanceOf(Outcome.Refused.class);
        assertThat(o.lines()).hasSize(4).first().isEqualTo(file + ": nothing imported, fix these lines first:");
        assertThat(o.lines().get(1)).isEqualTo("line 2: bob@example.net is not at example.org");
        assertThat(o.lines().get(2)).startsWith("line 3: not a mailbox address (");
        assertThat(o.lines().get(3)).startsWith("line 5: not a mailbox address (");
        assertThat(fx.store.list()).isEmpty();
    }

    @Test
    void importFile_manyBadLines_listsTwentyThenCounts() throws Exception {
        Path file = Files.writeString(dir.resolve("list.txt"), "x@example.net\n".repeat(25));

        Outcome o = admin.importFile(file);

        assertThat(o.lines()).hasSize(22).last().isEqualTo("... and 5 more");
    }

    @Test
    void importFile_missingOrNotUtf8_refused() throws Exception {
        assertThat(admin.importFile(dir.resolve("none.txt")).lines().getFirst()).startsWith("cannot import " + dir.resolve("none.txt"));
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'j', (byte) 0xE9, '@', 'e', 'x', 'a', 'm', 'p', 'l', 'e', '.', 'o', 'r', 'g', '\n'});
        assertThat(admin.importFile(latin1).lines()).singleElement().asString().endsWith("is not UTF-8 text");
    }
}
