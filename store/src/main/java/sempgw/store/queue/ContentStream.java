package sempgw.store.queue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.function.Consumer;

/**
 * The decrypted content of one entry as handed to a delivery agent. Owns the file channel.
 * When the content fails authentication the entry is reported once (it goes to
 * {@code corrupt/}) and the reader gets the {@link IOException}, so the attempt is deferred.
 */
final class ContentStream extends InputStream {
    private final SegmentReader reader;
    private final FileChannel channel;
    private final Consumer<String> onCorrupt;
    private boolean reported;

    ContentStream(SegmentReader reader, FileChannel channel, Consumer<String> onCorrupt) {
        this.reader = reader;
        this.channel = channel;
        this.onCorrupt = onCorrupt;
    }

    @Override
    public int read() throws IOException {
        try {
            return reader.read();
        } catch (CorruptEntryException e) {
            throw report(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return reader.read(b, off, len);
        } catch (CorruptEntryException e) {
            throw report(e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private IOException report(CorruptEntryException e) {
        if (!reported) {
            reported = true;
            onCorrupt.accept(e.getMessage());
        }
        return e;
    }
}
