package sempgw.semp.egress.discovery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An HTTP response body of at most {@code limit} bytes, for every fetch from a peer (configuration
 * document, domain keys, federation replies). A larger declared Content-Length is refused before
 * reading; a body that grows past the limit is cancelled at once, so a hostile peer cannot make us
 * buffer more.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body exceeded the limit. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    private final int limit;
    private final OptionalLong declared;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private BoundedBody(int limit, OptionalLong declared) {
        this.limit = limit;
        this.declared = declared;
    }

    /** A handler that reads at most {@code limit} bytes. */
    public static HttpResponse.BodyHandler<byte[]> handler(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return info -> new BoundedBody(limit, info.headers().firstValueAsLong("content-length"));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared.isPresent() && declared.getAsLong() > limit) {
            s.cancel();
            body.completeExceptionally(new TooLargeException("Content-Length " + declared.getAsLong() + " exceeds " + limit));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if (buffer.size() + (long) b.remaining() > limit) {
                subscription.cancel();
                body.completeExceptionally(new TooLargeException("body exceeds " + limit + " bytes"));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            buffer.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable t) {
        body.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        body.complete(buffer.toByteArray());
    }
}
