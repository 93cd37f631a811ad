package sempgw.smtp.egress.client;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;

/** Streams whose every blocking call runs under an {@link IoWatchdog.Guard}. */
final class TimedStreams {

    private TimedStreams() {
    }

    static InputStream input(InputStream in, IoWatchdog.Guard guard) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                guard.begin();
                try {
                    return super.read();
                } catch (IOException e) {
                    throw translate(e, guard, "reading");
                } finally {
                    guard.end();
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                guard.begin();
                try {
                    return in.read(b, off, len);
                } catch (IOException e) {
                    throw translate(e, guard, "reading");
                } finally {
                    guard.end();
                }
            }
        };
    }

    static OutputStream output(OutputStream out, IoWatchdog.Guard guard) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                guard.begin();
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw translate(e, guard, "writing");
                } finally {
                    guard.end();
                }
            }

            @Override
            public void flush() throws IOException {
                guard.begin();
                try {
                    out.flush();
                } catch (IOException e) {
                    throw translate(e, guard, "writing");
                } finally {
                    guard.end();
                }
            }
        };
    }

    private static IOException translate(IOException e, IoWatchdog.Guard guard, String what) {
        if (guard.fired()) {
            SocketTimeoutException timeout = new SocketTimeoutException(
                    "timed out after " + guard.currentLimit().toMillis() + " ms while " + what);
            timeout.initCause(e);
            return timeout;
        }
        return e;
    }
}
