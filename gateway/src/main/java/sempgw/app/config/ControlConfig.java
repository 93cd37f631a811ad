package sempgw.app.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code [control]} table: the local channel {@code semp-gateway queue ...} talks to.
 *
 * @param socket the Unix-domain socket, mode 0600 (only the gateway's user may connect)
 */
public record ControlConfig(Path socket) {
    public ControlConfig {
        Objects.requireNonNull(socket, "socket");
    }

    static ControlConfig read(TomlTable t, Path dataDir) {
        ControlConfig c = new ControlConfig(t.path("socket", dataDir.resolve("control.sock")));
        t.finish();
        return c;
    }
}
