package sempgw.e2e.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import sempgw.e2e.support.BuildPaths;

/**
 * How to start the gateway as its own process: this JDK's {@code java}, the gateway's runtime
 * class path as Maven resolved it for this build ({@code target/gateway.classpath}, written by
 * the dependency plugin, so no test library leaks into the gateway), and its main class.
 */
public final class GatewayCommand {

    private GatewayCommand() {
    }

    /** {@code java --enable-native-access=ALL-UNNAMED -cp <gateway class path> <main class> run --config <file>}. */
    public static List<String> run(Path configFile) {
        return command(List.of(), "run", "--config", configFile.toString());
    }

    /**
     * {@code java <jvm options> -cp <gateway class path> <main class> <arguments>}: any of the
     * gateway's commands, with native access allowed as the launcher allows it (Conscrypt's JNI).
     */
    public static List<String> command(List<String> jvmOptions, String... arguments) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String mainClass = System.getProperty("e2e.gatewayMainClass", "sempgw.app.Main");
        List<String> line = new java.util.ArrayList<>();
        line.add(java);
        line.add("--enable-native-access=ALL-UNNAMED");
        line.addAll(jvmOptions);
        line.addAll(List.of("-cp", classPath(), mainClass));
        line.addAll(List.of(arguments));
        return List.copyOf(line);
    }

    private static String classPath() {
        Path file = BuildPaths.buildDirectory().resolve("gateway.classpath");
        try {
            String cp = Files.readString(file).strip();
            if (cp.isEmpty()) {
                throw new IllegalStateException(file + " is empty");
            }
            return cp;
        } catch (IOException e) {
            throw new UncheckedIOException("no gateway class path at " + file + " (written by the build's dependency plugin)", e);
        }
    }
}
