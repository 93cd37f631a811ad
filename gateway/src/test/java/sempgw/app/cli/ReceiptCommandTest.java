package sempgw.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.semp.SempNode;
import sempgw.core.crypto.RandomSource;
import sempgw.core.delivery.DeliveryReceipt;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonParser;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.semp.egress.delivery.DeliveredReceipts;

final class ReceiptCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return SempGatewayCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void receipt_keptEnvelope_printsItsSignedReceipt_anotherIsAFailureNamingIt() throws Exception {
        Path config = Files.writeString(dir.resolve("gw.toml"), "data_dir = \"%s\"\n".formatted(dir.resolve("data")));
        DeliveryReceipt receipt = DeliveryReceipt.issue("{\"e\":1}".getBytes(StandardCharsets.UTF_8), "peer.example",
                Instant.now(), DomainSigningPrivateKey.generate(RandomSource.secure()));
        try (DeliveredReceipts receipts = DeliveredReceipts.open(dir.resolve("data").resolve(SempNode.RECEIPTS_DIR), Clock.systemUTC())) {
            receipts.keep("01JENVELOPEA", receipt);
        }

        assertThat(run("receipt", "01JENVELOPEA", "--config", config.toString())).isZero();
        assertThat(JsonParser.parseObject(out.toString().strip().getBytes(StandardCharsets.UTF_8))).isEqualTo(receipt.toJson());
        assertThat(out.toString().strip()).isEqualTo(new String(CanonicalJson.encode(receipt.toJson()), StandardCharsets.UTF_8));

        assertThat(run("receipt", "01JOTHERENVL", "--config", config.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("no delivery receipt kept for envelope 01JOTHERENVL");
    }

    @Test
    void receipt_noReceiptsKeptYet_failsWithoutCreatingTheDataDirectory() throws Exception {
        // The data directory is made mode 0700 by run; a look-up (say, from the wrong directory) must not make it first, 0755.
        Path config = Files.writeString(dir.resolve("gw.toml"), "data_dir = \"%s\"\n".formatted(dir.resolve("data")));
        assertThat(run("receipt", "01JENVELOPEA", "--config", config.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).isEqualTo("semp-gateway: no delivery receipt kept for envelope 01JENVELOPEA\n");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
