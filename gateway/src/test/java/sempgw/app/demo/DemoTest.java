package sempgw.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.app.cli.SempGatewayCommand;

/** {@code semp-gateway demo} run in-process, as CI runs it (issue 5, test 4). */
final class DemoTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return SempGatewayCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void demo_aliceToBob_exit0EveryHopPrintedDeliveredLastDirectoryDeleted() {
        int code = run("demo");

        assertThat(code).as("stdout:%n%s%nstderr:%n%s", out, err).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.getLast()).isEqualTo("delivered");
        assertThat(out.toString())
                .containsPattern("smtp       alpha.test accepted the message: 250 2.0.0 Ok: delivered by SEMP")
                .containsPattern("(sealed|opened)     envelope \\S+ from alpha.test ")
                .contains("discovery  beta.test speaks SEMP: configuration from https://localhost:")
                .containsPattern("handshake  federation session with beta.test over (h2|ws), suite (pq-kyber768-x25519|x25519-chacha20-poly1305)")
                .containsPattern("receipt    beta.test delivered; its signed receipt verified \\(key [0-9a-f]{16}\\.\\.\\.\\)")
                .contains("mailbox    beta.test handed <bob@beta.test> to the mailbox host: 250")
                .contains("SEMP-Verification: origin=semp; seal=pass; sender-signature=pass; sender-domain=alpha.test")
                .contains("From: alice@alpha.test", "To: bob@beta.test", "Hello Bob,")
                .doesNotContain("problem");
        assertThat(err.toString()).isEmpty();
        String state = lines.getFirst();
        assertThat(state).startsWith("state in ");
        assertThat(Path.of(state.substring("state in ".length(), state.indexOf(" (")))).doesNotExist();
    }

    @Test
    void demo_timeoutOutOfRange_usageError() {
        assertThat(run("demo", "--timeout", "0")).isEqualTo(64);
        assertThat(err.toString()).contains("--timeout must be 1 to 3600 seconds");
        assertThat(out.toString()).isEmpty();
    }
}
