package sempgw.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Finds the read-only shared material (spec and semp-go vectors) beside the repository by walking
 * up from the working directory to the first directory holding {@code shared/semp-spec}.
 */
public final class SharedFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Path root;

    private SharedFiles() {
    }

    /** The {@code shared} directory. */
    public static synchronized Path shared() {
        if (root == null) {
            Path p = Path.of("").toAbsolutePath();
            while (p != null && !Files.isDirectory(p.resolve("shared/semp-spec"))) {
                p = p.getParent();
            }
            if (p == null) {
                throw new IllegalStateException("no shared/semp-spec above " + Path.of("").toAbsolutePath());
            }
            root = p.resolve("shared");
        }
        return root;
    }

    /** A semp-go vector file, parsed with Jackson (independent of the code under test). */
    public static JsonNode goVectors(String file) {
        try {
            return MAPPER.readTree(shared().resolve("vectors/semp-go").resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a spec document. */
    public static String spec(String file) {
        try {
            return Files.readString(shared().resolve("semp-spec").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex to bytes. */
    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** Bytes to lowercase hex. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Standard base64 to bytes. */
    public static byte[] b64(String b64) {
        return Base64.getDecoder().decode(b64);
    }

    /** Bytes to standard base64. */
    public static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
