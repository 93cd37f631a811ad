package sempgw.semp.ingress.documents;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.SempAddress;
import sempgw.core.envelope.Ulid;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonObject;
import sempgw.semp.ingress.HttpAnswer;
import sempgw.semp.ingress.WellKnownDocuments;
import sempgw.store.PrivateFiles;

/**
 * The documents this server publishes over HTTPS (DISCOVERY.md §3, KEY.md §2.3, §3, §8): the
 * configuration and domain keys documents, built once at start, and signed user key responses,
 * built per request.
 *
 * <pre>{@code
 * Documents docs = Documents.open(DocumentSettings.defaults("example.com", URI.create("https://semp.example.com")),
 *         domainKeys, directory, dataDirectory, Clock.systemUTC(), RandomSource.secure());
 * }</pre>
 *
 * <p>User keys: {@code userKeys} takes the address after {@code /.well-known/semp/keys/},
 * percent-decoded once by the HTTP layer; it is canonicalized (ENVELOPE.md §2.3) and a malformed
 * address is a 400 with one fixed body. An unknown address and a known one without keys are
 * answered identically in shape, size and code path (DESIGN.md §2.7; see {@link KeysResponse}). Decoy records for unknown addresses were
 * considered and not adopted: the spec promises indistinguishability from a known address without
 * keys, not from one with keys, and decoys would invite senders to encrypt to keys nobody holds.
 */
public final class Documents implements WellKnownDocuments {
    private static final Logger LOG = LoggerFactory.getLogger(Documents.class);

    private final DocumentSettings settings;
    private final long revision;
    private final HttpAnswer configuration;
    private final HttpAnswer domainKeys;
    private final KeysResponse keys;
    private final Clock clock;
    private final RandomSource random;

    Documents(DocumentSettings settings, DomainKeySet domainKeySet, UserKeyDirectory directory, long revision,
              Clock clock, RandomSource random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        for (SuiteId suite : settings.suites()) {
            if (domainKeySet.encryption(suite).isEmpty()) {
                throw new IllegalArgumentException("suite " + suite + " is advertised but has no domain encryption key");
            }
        }
        this.revision = revision;
        this.configuration = new HttpAnswer(200, HttpAnswer.JSON,
                ConfigurationDocument.encode(ConfigurationDocument.content(settings), revision),
                Map.of("Cache-Control", "max-age=" + settings.ttlSeconds()));
        this.domainKeys = HttpAnswer.json(DomainKeysDocument.encode(settings, domainKeySet));
        this.keys = new KeysResponse(settings, domainKeySet, directory);
    }

    /**
     * The documents, with the configuration revision resolved against the state file in
     * {@code dataDirectory} ({@link ConfigurationRevision}) before anything is served. A missing
     * {@code dataDirectory} is created, with its missing parents, owner-only ({@code 0700}); an
     * existing one is used as it is.
     *
     * @throws IOException when the directory cannot be created or the revision state cannot be
     *     read or written
     * @throws IllegalArgumentException when an advertised suite has no domain encryption key
     */
    public static Documents open(DocumentSettings settings, DomainKeySet domainKeySet, UserKeyDirectory directory,
                                 Path dataDirectory, Clock clock, RandomSource random) throws IOException {
        PrivateFiles.createDirectories(dataDirectory);
        JsonObject content = ConfigurationDocument.content(settings);
        long revision = ConfigurationRevision.resolve(dataDirectory, CanonicalJson.encode(content));
        LOG.info("semp configuration for {} published at revision {}", settings.domain(), revision);
        return new Documents(settings, domainKeySet, directory, revision, clock, random);
    }

    /** The configuration revision being served (DISCOVERY.md §3.5.1). */
    public long revision() {
        return revision;
    }

    @Override
    public HttpAnswer configuration() {
        return configuration;
    }

    @Override
    public HttpAnswer domainKeys() {
        return domainKeys;
    }

    @Override
    public HttpAnswer userKeys(String address) {
        Optional<SempAddress> canonical = AddressText.canonical(address);
        if (canonical.isEmpty()) {
            return DocumentErrors.MALFORMED_ADDRESS;
        }
        Instant now = clock.instant();
        KeysRequest request = new KeysRequest(Ulid.next(now, random), List.of(canonical.get()), Optional.empty(), true);
        return HttpAnswer.json(keys.build(request, now));
    }

    @Override
    public HttpAnswer userKeysBatch(byte[] request) {
        return switch (KeysRequestReader.read(request, settings.maxBatchAddresses())) {
            case KeysRequestReader.Read.Valid(KeysRequest r) -> HttpAnswer.json(keys.build(r, clock.instant()));
            case KeysRequestReader.Read.Refused(HttpAnswer answer) -> answer;
        };
    }
}
