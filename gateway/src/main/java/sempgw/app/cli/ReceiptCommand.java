package sempgw.app.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sempgw.app.config.GatewayConfig;
import sempgw.app.semp.SempNode;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonObject;
import sempgw.semp.egress.delivery.DeliveredReceipts;

/**
 * {@code semp-gateway receipt ENVELOPE_ID [--config FILE]}: prints the verified delivery receipt
 * of an envelope we sent, as the content of a {@code .semp-receipt} file (MIME.md §6; CLIENT.md
 * §6.5.1: the export action). The envelope id is in the delivery's log line ({@code envelope=}).
 * Receipts are kept for 30 days at most after their envelope expired ({@link DeliveredReceipts}).
 */
@Command(name = "receipt", mixinStandardHelpOptions = true,
        description = "Print the signed delivery receipt of a sent envelope, as a .semp-receipt file's content.")
final class ReceiptCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption configFile;

    @Parameters(paramLabel = "ENVELOPE_ID", description = "the envelope's postmark.id, from the log line of its delivery")
    String envelopeId;

    @Override
    public Integer call() throws Exception {
        GatewayConfig config = configFile.load();
        Path dir = config.dataDir().resolve(SempNode.RECEIPTS_DIR);
        Optional<JsonObject> receipt = Optional.empty();
        // A look-up creates nothing: opening the store would make the data directory, which run makes mode 0700.
        if (Files.isDirectory(dir)) {
            try (DeliveredReceipts receipts = DeliveredReceipts.open(dir, Clock.systemUTC())) {
                receipt = receipts.find(envelopeId);
            }
        }
        if (receipt.isEmpty()) {
            spec.commandLine().getErr().println("semp-gateway: no delivery receipt kept for envelope " + envelopeId);
            return ExitCodes.FAILED;
        }
        spec.commandLine().getOut().println(new String(CanonicalJson.encode(receipt.get()), StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
