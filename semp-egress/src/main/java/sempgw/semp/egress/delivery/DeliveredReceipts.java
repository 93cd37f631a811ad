package sempgw.semp.egress.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.delivery.DeliveryReceipt;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonString;
import sempgw.store.PrivateFiles;

/**
 * The verified delivery receipts of the envelopes we sent, kept as evidence and found by envelope
 * id (CONFORMANCE.md §5.6, CLIENT.md §6.5.1), each exportable as a {@code .semp-receipt} file
 * (MIME.md §6: the receipt's JSON object). None is kept more than 30 days after its envelope's
 * {@code postmark.expires} (CONFORMANCE.md §4.13.1, DELIVERY.md §1.1.1.6).
 *
 * <p>One file per UTC day of delivery, {@code <dir>/<yyyy-mm-dd>.jsonl}, mode 0600, one line per
 * receipt: {@code {"envelope_id":...,"receipt":{...}}}. A day's file is deleted once 30 days have
 * passed since that day began: an envelope is delivered before it expires, so none of its
 * receipts outlives the expiry by more than 30 days. Lines are appended without fsync: a crash
 * may lose the newest receipts, which is evidence lost, never mail. A line that does not read
 * back (cut short by a crash) is skipped. Failing to write is logged and the delivery goes on.
 * Thread-safe.
 */
public final class DeliveredReceipts implements AutoCloseable {
    /** How long a receipt may be kept after its envelope expired, at most. */
    public static final Duration RETENTION = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(DeliveredReceipts.class);
    private static final String SUFFIX = ".jsonl";

    private final Path dir;
    private final Clock clock;
    private FileChannel out;
    private LocalDate outDay;

    private DeliveredReceipts(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** The store in {@code dir}, created if missing; files past their retention are deleted now. */
    public static DeliveredReceipts open(Path dir, Clock clock) throws IOException {
        PrivateFiles.createDirectories(Objects.requireNonNull(dir, "dir"));
        DeliveredReceipts receipts = new DeliveredReceipts(dir, Objects.requireNonNull(clock, "clock"));
        receipts.sweep();
        return receipts;
    }

    /** Keeps {@code receipt}, verified, for envelope {@code envelopeId}. */
    public synchronized void keep(String envelopeId, DeliveryReceipt receipt) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        JsonObject line = JsonObject.builder().put("envelope_id", envelopeId).put("receipt", receipt.toJson()).build();
        try {
            if (!today.equals(outDay)) {
                closeOut();
                sweep();
                out = PrivateFiles.openAppend(dir.resolve(today + SUFFIX));
                outDay = today;
            }
            ByteBuffer bytes = ByteBuffer.wrap((new String(CanonicalJson.encode(line), StandardCharsets.UTF_8) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        } catch (IOException | RuntimeException e) {
            closeOut();
            LOG.warn("delivery receipt of envelope {} not kept: {}", envelopeId, e.toString());
        }
    }

    /** The receipt kept for {@code envelopeId}, newest first when several were (a retried envelope). */
    public Optional<JsonObject> find(String envelopeId) throws IOException {
        for (Path file : days(Comparator.reverseOrder())) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Optional<JsonObject> receipt = receiptOf(lines.get(i), envelopeId);
                if (receipt.isPresent()) {
                    return receipt;
                }
            }
        }
        return Optional.empty();
    }

    /** Deletes the day files whose retention has run out. */
    public synchronized void sweep() {
        Instant now = clock.instant();
        try {
            for (Path file : days(Comparator.naturalOrder())) {
                if (day(file).filter(d -> !d.atStartOfDay(ZoneOffset.UTC).toInstant().plus(RETENTION).isAfter(now)).isPresent()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("delivery receipts in {}: old files not deleted: {}", dir, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        closeOut();
    }

    private static Optional<JsonObject> receiptOf(String line, String envelopeId) {
        try {
            JsonObject o = JsonParser.parseObject(line.getBytes(StandardCharsets.UTF_8));
            return o.getOrNull("envelope_id") instanceof JsonString s && s.value().equals(envelopeId)
                    ? Optional.of(o.requireObject("receipt")) : Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    /** The day files in {@code order} of their day. */
    private List<Path> days(Comparator<LocalDate> order) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            all.forEach(f -> day(f).ifPresent(d -> files.add(f)));
        }
        files.sort(Comparator.comparing(f -> day(f).orElseThrow(), order));
        return files;
    }

    private static Optional<LocalDate> day(Path file) {
        String name = file.getFileName().toString();
        try {
            return Optional.of(LocalDate.parse(name.substring(0, name.length() - SUFFIX.length())));
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private void closeOut() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.debug("delivery receipts: close failed: {}", e.toString());
            }
        }
        out = null;
        outDay = null;
    }
}
