package sempgw.semp.egress.discovery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import sempgw.core.json.JsonObject;

/**
 * A {@link ConfigurationSource} without sockets: per target authority it serves a document
 * (run through the real parser) or a failure. Unknown targets are unreachable. Records every call.
 */
final class FakeConfigs implements ConfigurationSource {

    private final Map<String, Supplier<ConfigFetch>> byAuthority = new ConcurrentHashMap<>();
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    FakeConfigs serve(String authority, JsonObject document) {
        byte[] bytes = TestConfigs.bytes(document);
        documents.put(authority, bytes);
        byAuthority.remove(authority);
        return this;
    }

    FakeConfigs fail(String authority, ConfigError error) {
        documents.remove(authority);
        byAuthority.put(authority, () -> new ConfigFetch.Failed(error, "fake " + error));
        return this;
    }

    FakeConfigs answer(String authority, Supplier<ConfigFetch> answer) {
        documents.remove(authority);
        byAuthority.put(authority, answer);
        return this;
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public ConfigFetch fetch(ServerTarget target, String domain) {
        calls.add(target.authority());
        byte[] doc = documents.get(target.authority());
        if (doc != null) {
            try {
                return new ConfigFetch.Fetched(ConfigurationParser.parse(doc, domain));
            } catch (ConfigurationException e) {
                return new ConfigFetch.Failed(e.error(), e.getMessage());
            }
        }
        Supplier<ConfigFetch> s = byAuthority.get(target.authority());
        return s != null ? s.get() : new ConfigFetch.Failed(ConfigError.UNREACHABLE, "fake: connection refused");
    }
}
