package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

final class WebSocketGateTest {

    private static HttpRequest upgrade(String protocols) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v1/federate");
        request.headers().set("Upgrade", "WebSocket").set("Connection", "Upgrade");
        if (protocols != null) {
            request.headers().set("Sec-WebSocket-Protocol", protocols);
        }
        return request;
    }

    @Test
    void refusal_sempSubprotocolOffered_none() {
        assertThat(WebSocketGate.refusal(upgrade("semp.v1"))).isEmpty();
        assertThat(WebSocketGate.refusal(upgrade("chat, semp.v1"))).isEmpty();
    }

    @Test
    void refusal_subprotocolMissingOrOther_refused() {
        assertThat(WebSocketGate.refusal(upgrade(null))).hasValue("subprotocol semp.v1 required");
        assertThat(WebSocketGate.refusal(upgrade("semp.v2, chat"))).hasValue("subprotocol semp.v1 required");
    }

    @Test
    void refusal_notAnUpgrade_refused() {
        HttpRequest plain = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v1/federate");
        plain.headers().set("Sec-WebSocket-Protocol", "semp.v1");
        assertThat(WebSocketGate.refusal(plain)).hasValue("websocket upgrade required");
    }
}
