package sempgw.store.queue;

import java.util.regex.Pattern;

/**
 * A queue id: short, unique on this node, safe as a file name and in a log line
 * (like Postfix's queue ids).
 */
public record QueueId(String value) implements Comparable<QueueId> {
    private static final Pattern FORM = Pattern.compile("[0-9A-Za-z]{8,32}");

    public QueueId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a queue id: " + value);
        }
    }

    @Override
    public int compareTo(QueueId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
