package sempgw.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.FileErrors;
import sempgw.app.config.GatewayConfig;
import sempgw.app.control.ControlReply;
import sempgw.app.control.ControlRequest;
import sempgw.app.control.ControlServer;

final class SempGatewayCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return SempGatewayCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void checkConfig_validFile_exit0() throws Exception {
        Path file = Files.writeString(dir.resolve("gw.toml"), "[smtp]\nlisten = \"0.0.0.0:25\"\n");
        assertThat(run("check-config", file.toString())).isEqualTo(0);
        assertThat(out.toString()).isEqualTo(file + ": configuration OK\n");
    }

    @Test
    void checkConfig_badValue_exit78NamingKeyValueAndAllowed() throws Exception {
        Path file = Files.writeString(dir.resolve("gw.toml"), "[queue]\nmax_lifetime = \"forever\"\n");
        assertThat(run("check-config", file.toString())).isEqualTo(78);
        assertThat(err.toString()).startsWith("semp-gateway: configuration error: queue.max_lifetime = \"forever\" is not allowed: a whole number with a unit");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void checkConfig_unknownKey_exit78() throws Exception {
        Path file = Files.writeString(dir.resolve("gw.toml"), "[delivery]\nrelayhost = \"[x]\"\n");
        assertThat(run("check-config", file.toString())).isEqualTo(78);
        assertThat(err.toString()).contains("delivery.relayhost = \"[x]\" is not allowed: no such key");
    }

    @Test
    void checkConfig_tlsFilesMissing_exit78NamingTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("gw.toml"), "[tls]\ncert_file = \"/nonexistent/c.pem\"\nkey_file = \"/nonexistent/k.pem\"\n");
        assertThat(run("check-config", file.toString())).isEqualTo(78);
        assertThat(err.toString()).contains("tls.key_file = \"/nonexistent/k.pem\" is not allowed");
    }

    @Test
    void checkConfig_recipientsFileMissing_exit78NamingTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("gw.toml"),
                "[smtp]\nlocal_domains = [\"example.org\"]\nrecipients_file = \"" + dir.resolve("none") + "\"\n");
        assertThat(run("check-config", file.toString())).isEqualTo(78);
        assertThat(err.toString()).contains("smtp.recipients_file = \"" + dir.resolve("none") + "\" is not allowed: a readable file");
    }

    @Test
    void checkConfig_sempTrustFileMissing_exit78NamingTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("gw.toml"), "[semp]\ntrust_file = \"" + dir.resolve("none.pem") + "\"\n");
        assertThat(run("check-config", file.toString())).isEqualTo(78);
        assertThat(err.toString()).contains("semp.trust_file = \"" + dir.resolve("none.pem") + "\" is not allowed: a readable PEM file");
    }

    @Test
    void checkConfig_dataDirBelowAFile_exit78NamingTheKey() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        Path file = Files.writeString(dir.resolve("gw.toml"), "data_dir = \"" + plain.resolve("data") + "\"\n");
        assertThat(run("check-config", file.toString())).isEqualTo(78);
        assertThat(err.toString()).contains("data_dir = \"" + plain.resolve("data") + "\" is not allowed: a path below directories only (" + plain + " is not a directory)");
    }

    @Test
    void run_dataDirBelowAFile_exit78BeforeStartingAnything() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        Path file = Files.writeString(dir.resolve("gw.toml"), "data_dir = \"" + plain.resolve("data") + "\"\nlock_memory = false\n"
                + "[smtp]\nlisten = \"127.0.0.1:0\"\n");
        assertThat(run("run", "--config", file.toString())).isEqualTo(78);
        assertThat(err.toString()).contains("data_dir = \"" + plain.resolve("data") + "\" is not allowed: a path below directories only");
    }

    @Test
    void checkConfig_noFileArgument_usageError64() {
        assertThat(run("check-config")).isEqualTo(64);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void noCommand_usageError64() {
        assertThat(run()).isEqualTo(64);
        assertThat(err.toString()).contains("a command is required: run, check-config, config, dns-records, queue, mailbox, receipt or demo\n");
    }

    @Test
    void help_everyCommandAndSubcommand_printsItsUsageExit0() {
        for (List<String> command : List.of(List.of("run"), List.of("queue", "list"), List.of("queue", "show"), List.of("queue", "flush"),
                List.of("mailbox", "add"), List.of("mailbox", "import"), List.of("mailbox", "advertise"), List.of("receipt"))) {
            out.getBuffer().setLength(0);
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            assertThat(run(args.toArray(String[]::new))).as("%s --help", command).isZero();
            assertThat(out.toString()).as("%s --help", command).startsWith("Usage: semp-gateway " + String.join(" ", command));
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void version_everyCommandAndSubcommand_printsTheVersionExit0() {
        for (List<String> command : List.<List<String>>of(List.of(), List.of("run"), List.of("check-config"), List.of("queue", "list"), List.of("mailbox", "add"))) {
            out.getBuffer().setLength(0);
            List<String> args = new ArrayList<>(command);
            args.add("--version");
            assertThat(run(args.toArray(String[]::new))).as("%s --version", command).isZero();
            assertThat(out.toString()).as("%s --version", command).isEqualTo("semp-gateway 0.1.0\n");
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void fileSystemFailure_oneLineNamingThePathAndWhatWentWrong_exit70() throws Exception {
        // mkdir in /proc fails even for root: the data directory cannot be created.
        Path file = Files.writeString(dir.resolve("gw.toml"),
                "data_dir = \"/proc/sempgw-test/data\"\n[semp]\ndomain = \"example.org\"\npublic_host = \"semp.example.org\"\n");
        assertThat(run("dns-records", "--config", file.toString())).isEqualTo(70);
        assertThat(err.toString()).isEqualTo("semp-gateway: /proc/sempgw-test: no such file or directory\n");
    }

    @Test
    void describe_fileSystemFailures_nameThePathAndTheReason() {
        assertThat(FileErrors.describe(new java.nio.file.AccessDeniedException("/srv/gw/data")))
                .isEqualTo("/srv/gw/data: permission denied");
        assertThat(FileErrors.describe(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/srv/gw/queue.key"))))
                .isEqualTo("/srv/gw/queue.key: permission denied");
        assertThat(FileErrors.describe(new java.nio.file.FileSystemException("/srv/gw/data", null, "Read-only file system")))
                .isEqualTo("/srv/gw/data: Read-only file system");
        assertThat(FileErrors.describe(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void configDefaults_printsTomlThatReadsBackAsTheDefaults() {
        assertThat(run("config", "--defaults")).isEqualTo(0);
        assertThat(out.toString()).contains("[smtp]", "listen = \"127.0.0.1:2525\"", "max_lifetime = \"5d\"");
        assertThat(ConfigLoader.parse(out.toString())).isEqualTo(GatewayConfig.defaults());
    }

    @Test
    void config_withFile_printsTheEffectiveConfiguration() throws Exception {
        Path file = Files.writeString(dir.resolve("gw.toml"), "[delivery]\nconcurrency_per_destination = 7\n");
        assertThat(run("config", "--config", file.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("concurrency_per_destination = 7");
    }

    @Test
    void queueList_noGatewayRunning_exit69() {
        assertThat(run("queue", "list", "--socket", dir.resolve("control.sock").toString())).isEqualTo(69);
        assertThat(err.toString()).contains("is the gateway running");
    }

    @Test
    void queueList_staleSocketLeftByAKilledGateway_exit69SayingNoGatewayAnswers() throws Exception {
        Path socket = dir.resolve("control.sock");
        try (java.nio.channels.ServerSocketChannel dead = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            dead.bind(java.net.UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        assertThat(run("queue", "list", "--socket", socket.toString())).isEqualTo(69);
        assertThat(err.toString()).isEqualTo("semp-gateway: no gateway answers on " + socket
                + " (Connection refused): is the gateway running (with this configuration)?\n");
    }

    @Test
    void queueList_gatewayAnswers_printsReplyExit0() throws Exception {
        Path socket = dir.resolve("control.sock");
        try (ControlServer _ = ControlServer.start(socket, r -> new ControlReply(200, List.of("QUEUE ID", "0 messages in the queue")))) {
            assertThat(run("queue", "list", "--socket", socket.toString())).isEqualTo(0);
        }
        assertThat(out.toString()).isEqualTo("QUEUE ID\n0 messages in the queue\n");
    }

    @Test
    void queueShow_socketFromConfigFile_unknownIdExit1() throws Exception {
        Path socket = dir.resolve("gw.sock");
        Path file = Files.writeString(dir.resolve("gw.toml"), "[control]\nsocket = \"" + socket + "\"\n");
        try (ControlServer _ = ControlServer.start(socket, r -> ControlReply.of(550, ((ControlRequest.Show) r).id() + ": no such message in the queue"))) {
            assertThat(run("queue", "show", "ABCDEF123456", "--config", file.toString())).isEqualTo(1);
        }
        assertThat(err.toString()).isEqualTo("ABCDEF123456: no such message in the queue\n");
    }

    @Test
    void queueHold_notAQueueId_usageError64() {
        assertThat(run("queue", "hold", "../../etc/passwd")).isEqualTo(64);
        assertThat(err.toString()).contains("not a queue id: ../../etc/passwd");
    }
}
