package sempgw.semp.ingress.documents;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainSigningPrivateKey;

/**
 * A domain {@code a.example} with fresh keys of both suites, an empty directory and a fixed clock.
 * Public for the HTTP tests that serve real documents.
 */
public final class DocumentsFixture {
    public static final String DOMAIN = "a.example";
    public static final URI BASE = URI.create("https://semp.a.example:8443");
    public static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    public static final Instant CREATED = Instant.parse("2026-05-01T00:00:00Z");
    public static final Instant EXPIRES = Instant.parse("2027-05-01T00:00:00Z");

    public final DomainSigningPrivateKey signing = DomainSigningPrivateKey.generate(RandomSource.secure());
    public final DomainKeySet keys = DomainKeySet.of(signing, List.of(
            DomainEncryptionPrivateKey.generate(SuiteId.X25519_CHACHA20_POLY1305, RandomSource.secure()).publicKey(),
            DomainEncryptionPrivateKey.generate(SuiteId.PQ_KYBER768_X25519, RandomSource.secure()).publicKey()), CREATED, EXPIRES);
    public final DocumentSettings settings = DocumentSettings.defaults(DOMAIN, BASE);
    public final InMemoryUserKeyDirectory directory = new InMemoryUserKeyDirectory(DOMAIN, signing, DirectoryJournal.volatileOnly());
    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    public Documents documents() {
        return new Documents(settings, keys, directory, 1, clock, RandomSource.secure());
    }

    public static SempAddress address(String text) {
        try {
            return SempAddress.parse(text);
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static JsonObject json(byte[] body) {
        try {
            return JsonParser.parseObject(body);
        } catch (JsonException e) {
            throw new AssertionError("not a JSON object: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    /** A semp-go vector file, found by walking up to the directory that holds {@code shared/semp-spec}. */
    public static JsonObject goVector(String file) throws Exception {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("shared/semp-spec"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no shared/semp-spec above " + Path.of("").toAbsolutePath());
        }
        return JsonParser.parseObject(Files.readAllBytes(p.resolve("shared/vectors/semp-go").resolve(file)));
    }
}
