package sempgw.semp.ingress.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import sempgw.semp.ingress.HttpAnswer;

/**
 * Builds complete responses. Transport errors carry a short plain-text body and never SEMP JSON:
 * HTTP status codes are transport-level only (TRANSPORT.md §4.2.2).
 */
final class HttpResponses {
    static final String SEMP_JSON = HttpAnswer.JSON;
    /** The tunnel header (TRANSPORT.md §4.2.3). */
    static final String SESSION_HEADER = "Semp-Session-Id";

    private HttpResponses() {}

    static FullHttpResponse answer(ByteBufAllocator alloc, HttpAnswer answer) {
        FullHttpResponse response = body(alloc, HttpResponseStatus.valueOf(answer.status()),
                answer.contentType(), answer.body());
        answer.headers().forEach((name, value) -> response.headers().set(name, value));
        return response;
    }

    /** A 200 carrying one SEMP reply in a tunnel. */
    static FullHttpResponse sempReply(ByteBufAllocator alloc, byte[] reply, String tunnelId) {
        FullHttpResponse response = body(alloc, HttpResponseStatus.OK, SEMP_JSON, reply);
        response.headers().set(SESSION_HEADER, tunnelId);
        return response;
    }

    static FullHttpResponse error(ByteBufAllocator alloc, HttpResponseStatus status, String text) {
        return body(alloc, status, "text/plain; charset=utf-8",
                (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static FullHttpResponse notAllowed(ByteBufAllocator alloc, String allow) {
        FullHttpResponse response = error(alloc, HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed");
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        return response;
    }

    private static FullHttpResponse body(ByteBufAllocator alloc, HttpResponseStatus status, String type, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                alloc.buffer(body.length).writeBytes(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return response;
    }
}
