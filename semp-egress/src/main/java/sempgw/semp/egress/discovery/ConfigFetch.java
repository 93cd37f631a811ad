package sempgw.semp.egress.discovery;

import java.util.Objects;

/** The outcome of fetching one target's configuration document. */
public sealed interface ConfigFetch {

    /** A valid document for the domain. */
    record Fetched(SempConfiguration configuration) implements ConfigFetch {
        public Fetched {
            Objects.requireNonNull(configuration, "configuration");
        }
    }

    /** No usable document; {@code detail} is operator text. */
    record Failed(ConfigError error, String detail) implements ConfigFetch {
        public Failed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
