package sempgw.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 20 MiB message round-trips through the queue in a JVM whose whole heap is 16 MiB: content is streamed, never held. */
final class LargeMessageTest {
    @TempDir
    Path dir;

    @Test
    void twentyMebibytes_inSixteenMebibyteHeap_roundTrips() throws Exception {
        Path output = dir.resolve("child.out");
        Process child = ChildJvm.of(LargeMessageRoundTrip.class, List.of("-Xmx16m", "-XX:+UseSerialGC"),
                        dir.resolve("q").toString(), "20")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(printed).isZero();
        assertThat(printed).contains("OK " + 20L * 1024 * 1024 + " ");
    }
}
