package sempgw.app.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.control.ControlClient;
import sempgw.app.control.ControlReply;
import sempgw.app.control.ControlRequest;
import sempgw.app.control.ControlRoutes;
import sempgw.app.control.ControlServer;

/** {@code MAILBOX ...} on the control channel: parsing, routing, and the replies of the handler. */
final class MailboxControlHandlerTest {
    @TempDir
    Path dir;
    StoreFixture fx;
    MailboxControlHandler handler;

    @BeforeEach
    void open() throws IOException {
        fx = new StoreFixture(dir.resolve("data"));
        fx.open();
        handler = new MailboxControlHandler(fx.admin());
    }

    @AfterEach
    void close() throws IOException {
        fx.close();
    }

    ControlReply send(String line) {
        return handler.handle(ControlRequest.parse(line));
    }

    @Test
    void parse_mailboxLine_verbUpperCasedArgumentKeptWhole() {
        assertThat(ControlRequest.parse("mailbox import /tmp/my list.txt")).isEqualTo(new ControlRequest.Mailbox("IMPORT", "/tmp/my list.txt"));
        assertThat(ControlRequest.parse("MAILBOX LIST")).isEqualTo(MailboxVerb.LIST.request(""));
        assertThat(MailboxVerb.ADVERTISE.request("a@example.org off").line()).isEqualTo("MAILBOX ADVERTISE a@example.org off");
        assertThat(ControlRequest.parse("MAILBOX")).isInstanceOf(ControlRequest.Malformed.class);
        assertThat(ControlRequest.parse("MAILBOX ad!d x")).isInstanceOf(ControlRequest.Malformed.class);
    }

    @Test
    void handle_addListRemove_200WithTheAdminLines() {
        assertThat(send("MAILBOX ADD alice@example.org").code()).isEqualTo(200);
        ControlReply list = send("MAILBOX LIST");
        assertThat(list.code()).isEqualTo(200);
        assertThat(list.lines().getLast()).isEqualTo("1 mailbox");
        assertThat(send("MAILBOX REMOVE alice@example.org").lines()).containsExactly("removed alice@example.org: 3 keys revoked, private keys deleted");
    }

    @Test
    void handle_refusedAnd_malformed_550And500() {
        assertThat(send("MAILBOX ROTATE nobody@example.org")).isEqualTo(ControlReply.of(550, "nobody@example.org is not provisioned"));
        assertThat(send("MAILBOX FROB x").code()).isEqualTo(500);
        assertThat(send("MAILBOX ADD").lines()).containsExactly("ADD needs an argument");
        assertThat(send("MAILBOX LIST everything").lines()).containsExactly("LIST takes no argument");
        assertThat(send("MAILBOX ADVERTISE alice@example.org maybe").code()).isEqualTo(500);
        assertThat(send("MAILBOX IMPORT list.txt").lines()).containsExactly("IMPORT needs an absolute path");
        assertThat(handler.handle(new ControlRequest.Flush()).code()).isEqualTo(ControlReply.NOT_HANDLED);
    }

    @Test
    void handle_advertiseAndImport_changeTheStore() throws Exception {
        Path file = Files.writeString(dir.resolve("my list.txt"), "alice@example.org\n");

        assertThat(send("MAILBOX IMPORT " + file.toAbsolutePath()).code()).isEqualTo(200);
        assertThat(send("MAILBOX ADVERTISE alice@example.org off").lines()).containsExactly("alice@example.org: upgrade-signal headers off");
        assertThat(fx.store.advertises("alice@example.org")).isFalse();
    }

    @Test
    void routes_overTheSocket_mailboxToTheAgentQueueToTheQueue() throws IOException {
        Path socket = dir.resolve("control.sock");
        ControlRoutes routes = new ControlRoutes(r -> ControlReply.of(200, "queue: " + r.line()), handler);
        try (ControlServer _ = ControlServer.start(socket, routes)) {
            assertThat(ControlClient.send(socket, MailboxVerb.ADD.request("alice@example.org")).lines().getFirst())
                    .isEqualTo("added alice@example.org, keys published:");
            assertThat(ControlClient.send(socket, new ControlRequest.Flush()).lines()).containsExactly("queue: FLUSH");
        }
        assertThat(fx.store.provisioned("alice@example.org")).isTrue();
        assertThat(new ControlRoutes(r -> ControlReply.of(200, ""), ControlRoutes.NO_MAILBOXES).handle(MailboxVerb.LIST.request("")).code())
                .isEqualTo(ControlReply.NOT_HANDLED);
    }
}
