package sempgw.semp.ingress.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import sempgw.semp.ingress.HttpAnswer;
import sempgw.semp.ingress.WellKnownDocuments;

/** Documents that name themselves, so tests can see which one was served. */
final class FakeDocuments implements WellKnownDocuments {

    @Override
    public HttpAnswer configuration() {
        return new HttpAnswer(200, HttpAnswer.JSON, json("{\"doc\":\"configuration\"}"), Map.of("Cache-Control", "max-age=60"));
    }

    @Override
    public HttpAnswer domainKeys() {
        return HttpAnswer.json(json("{\"doc\":\"domain-keys\"}"));
    }

    @Override
    public HttpAnswer userKeys(String address) {
        return HttpAnswer.json(json("{\"doc\":\"keys\",\"address\":\"" + address + "\"}"));
    }

    @Override
    public HttpAnswer userKeysBatch(byte[] request) {
        return HttpAnswer.json(json("{\"doc\":\"batch\",\"bytes\":" + request.length + "}"));
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
