package sempgw.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.GatewayConfig;
import sempgw.app.control.ControlReply;
import sempgw.app.control.ControlRoutes;
import sempgw.app.control.ControlServer;
import sempgw.app.keys.DomainKeys;
import sempgw.app.mailbox.MailboxAdmin;
import sempgw.app.mailbox.MailboxControlHandler;
import sempgw.app.mailbox.MailboxLock;
import sempgw.app.mailbox.MailboxStore;
import sempgw.app.semp.SempDocuments;
import sempgw.app.semp.SempKeys;
import sempgw.app.semp.SempUserKeys;
import sempgw.core.envelope.SempAddress;

/**
 * {@code semp-gateway mailbox}: on the data directory when no gateway runs, and through the
 * control socket of a running one, whose mailbox agent (store, user key directory, control
 * server) is started in-process here as the gateway starts it.
 */
final class MailboxCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    Path config;

    int run(String... args) {
        return SempGatewayCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @BeforeEach
    void writeConfig() throws Exception {
        config = Files.writeString(dir.resolve("gw.toml"), "data_dir = \"" + dir.resolve("data") + "\"\n[control]\nsocket = \"" + socket()
                + "\"\n[semp]\ndomain = \"example.org\"\n");
    }

    Path socket() {
        return dir.resolve("control.sock");
    }

    @Test
    void offline_addThenList_onTheDataDirectory() throws Exception {
        assertThat(run("mailbox", "add", "Alice@example.org", "--config", config.toString())).isEqualTo(0);
        assertThat(out.toString()).startsWith("added alice@example.org, keys published:\n    identity ed25519:");

        assertThat(run("mailbox", "list", "--config", config.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("alice@example.org", "1 mailbox\n");
        assertThat(dir.resolve("data/agent.key")).exists();
        assertThat(Files.readString(dir.resolve("data/semp/user-keys.journal"), StandardCharsets.UTF_8)).contains("alice@example.org");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void offline_refused_exit1OnStderr() {
        assertThat(run("mailbox", "remove", "nobody@example.org", "--config", config.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("nobody@example.org is not provisioned\n");
    }

    @Test
    void offline_noSempDomain_exit78() throws Exception {
        Path bare = Files.writeString(dir.resolve("bare.toml"), "data_dir = \"" + dir.resolve("data") + "\"\n");
        assertThat(run("mailbox", "list", "--config", bare.toString())).isEqualTo(78);
        // SEMP is off in that file: the reason is the command, not semp.enabled.
        assertThat(err.toString()).isEqualTo("semp-gateway: configuration error: semp.domain = (unset) is not allowed: "
                + "a domain name (the email domain we serve SEMP for) for mailbox commands\n");
    }

    @Test
    void offline_wrongAgentKey_exit70NamingIt() throws Exception {
        run("mailbox", "add", "alice@example.org", "--config", config.toString());
        Files.write(dir.resolve("data/agent.key"), new byte[32]);

        assertThat(run("mailbox", "list", "--config", config.toString())).isEqualTo(70);
        assertThat(err.toString()).contains("fails authentication", "agent key file");
    }

    @Test
    void running_commandsGoThroughTheSocket_andTakeEffectAtOnce() throws Exception {
        Path list = Files.writeString(dir.resolve("staff.txt"), "# staff\nbob@example.org\ncarol@example.org\n");
        try (RunningAgent gateway = new RunningAgent(ConfigLoader.load(config))) {
            assertThat(run("mailbox", "add", "alice@example.org", "--config", config.toString())).isEqualTo(0);
            assertThat(gateway.store.provisioned("alice@example.org")).isTrue();
            assertThat(gateway.userKeys.directory().keys(new SempAddress("alice", "example.org"))).hasSize(3);

            assertThat(run("mailbox", "import", list.toString(), "--config", config.toString())).isEqualTo(0);
            assertThat(run("mailbox", "advertise", "bob@example.org", "off", "--config", config.toString())).isEqualTo(0);
            assertThat(run("mailbox", "rotate", "alice@example.org", "--config", config.toString())).isEqualTo(0);
            assertThat(run("mailbox", "remove", "carol@example.org", "--config", config.toString())).isEqualTo(0);

            assertThat(gateway.store.provisioned("bob@example.org")).isTrue();
            assertThat(gateway.store.advertises("bob@example.org")).isFalse();
            assertThat(gateway.store.decryptionKeys("alice@example.org")).hasSize(4);
            assertThat(gateway.store.provisioned("carol@example.org")).isFalse();
        }
        assertThat(out.toString()).contains("added bob@example.org", "added carol@example.org", staffLine(list), "rotated alice@example.org",
                "removed carol@example.org");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void running_withoutTheMailboxAgent_worksOnTheDataDirectory() throws Exception {
        try (ControlServer _ = ControlServer.start(socket(), new ControlRoutes(r -> ControlReply.of(200, "queue"), ControlRoutes.NO_MAILBOXES))) {
            assertThat(run("mailbox", "add", "alice@example.org", "--config", config.toString())).isEqualTo(0);
        }
        assertThat(out.toString()).startsWith("added alice@example.org");
        try (var files = Files.list(dir.resolve("data/mailboxes"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".mailbox"))).hasSize(1);
        }
    }

    @Test
    void staleSocket_storeHeldByAProcessThatDoesNotAnswer_exit69() throws Exception {
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(socket()));
        dead.close();
        try (MailboxLock _ = MailboxLock.acquire(dir.resolve("data"))) {
            assertThat(run("mailbox", "list", "--config", config.toString())).isEqualTo(69);
        }
        assertThat(err.toString()).contains("is in use by another process", "but no gateway answers on " + socket());
    }

    @Test
    void usageErrors_exit64() {
        assertThat(run("mailbox", "advertise", "alice@example.org", "maybe", "--config", config.toString())).isEqualTo(64);
        assertThat(err.toString()).contains("advertise takes on or off, not maybe");
        assertThat(run("mailbox", "import", dir.resolve("none.txt").toString(), "--config", config.toString())).isEqualTo(64);
        assertThat(err.toString()).contains("cannot read " + dir.resolve("none.txt"));
        assertThat(run("mailbox", "add")).isEqualTo(64);
    }

    private static String staffLine(Path list) {
        return list.toAbsolutePath() + ": 2 added, 0 already provisioned";
    }

    /** The mailbox agent of a running gateway, opened as the gateway opens it, answering on the control socket. */
    private static final class RunningAgent implements AutoCloseable {
        final MailboxLock lock;
        final DomainKeys keys;
        final SempUserKeys userKeys;
        final MailboxStore store;
        final ControlServer control;

        RunningAgent(GatewayConfig config) throws Exception {
            Clock clock = Clock.systemUTC();
            lock = MailboxLock.acquire(config.dataDir());
            keys = SempKeys.open(config, clock);
            userKeys = SempUserKeys.open(SempDocuments.stateDir(config.dataDir()), keys);
            store = MailboxStore.open(lock, userKeys.directory(), keys.domain(), clock);
            control = ControlServer.start(config.control().socket(),
                    new ControlRoutes(r -> ControlReply.of(200, "queue"), new MailboxControlHandler(new MailboxAdmin(store, clock))));
        }

        @Override
        public void close() throws Exception {
            control.close();
            store.close();
            userKeys.close();
            keys.close();
            lock.close();
        }
    }
}
