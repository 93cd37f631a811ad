package sempgw.semp.ingress.http;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import javax.net.ssl.SSLException;

/**
 * Describes a failure for the log by its type and where it was thrown, never by its message,
 * which may quote peer input. TLS failures keep their message (the negotiation problem, no
 * data), except a non-TLS record, whose message dumps the bytes received.
 */
final class Failures {

    private Failures() {}

    static String describe(Throwable failure) {
        Throwable root = failure instanceof DecoderException && failure.getCause() != null ? failure.getCause() : failure;
        String what = root.getClass().getName();
        if (root instanceof SSLException && !(root instanceof NotSslRecordException) && root.getMessage() != null) {
            what += ": " + root.getMessage();
        }
        StackTraceElement[] trace = root.getStackTrace();
        return trace.length == 0 ? what : what + " at " + trace[0];
    }
}
