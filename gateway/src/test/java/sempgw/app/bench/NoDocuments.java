package sempgw.app.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import sempgw.semp.ingress.HttpAnswer;
import sempgw.semp.ingress.WellKnownDocuments;

/**
 * The receiving gateway's documents in a benchmark: none. Senders get discovery and keys from
 * fixed answers ({@link SendingDomain}), so documents are not part of what is measured; a request
 * for one is answered 404.
 */
final class NoDocuments implements WellKnownDocuments {
    private static final HttpAnswer NOT_FOUND = new HttpAnswer(404, HttpAnswer.JSON,
            "{\"error\":\"not served by the benchmark\"}".getBytes(StandardCharsets.UTF_8), Map.of());

    @Override
    public HttpAnswer configuration() {
        return NOT_FOUND;
    }

    @Override
    public HttpAnswer domainKeys() {
        return NOT_FOUND;
    }

    @Override
    public HttpAnswer userKeys(String address) {
        return NOT_FOUND;
    }

    @Override
    public HttpAnswer userKeysBatch(byte[] request) {
        return NOT_FOUND;
    }
}
