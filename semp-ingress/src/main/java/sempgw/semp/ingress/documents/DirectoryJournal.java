package sempgw.semp.ingress.documents;

import java.io.IOException;

/**
 * Makes directory changes durable. {@link InMemoryUserKeyDirectory} appends each change here
 * before applying it, so a change that could not be persisted is never published; revocations in
 * particular must survive restarts (KEY.md §8.4: retained indefinitely). The gateway supplies a
 * durable implementation and replays it with {@link InMemoryUserKeyDirectory#replay}.
 */
@FunctionalInterface
public interface DirectoryJournal {

    /**
     * Persists one change; returns only once it is durable.
     *
     * @throws IOException when it was not persisted (the change is then not applied)
     */
    void append(DirectoryChange change) throws IOException;

    /** For tests and tools: keeps nothing, so every change is lost on restart. */
    static DirectoryJournal volatileOnly() {
        return change -> { };
    }
}
