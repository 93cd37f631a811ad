package sempgw.app.semp;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import sempgw.app.config.SempConfig;
import sempgw.app.config.SempPolicies.FirstContactMode;
import sempgw.app.keys.DomainKeys;
import sempgw.core.crypto.RandomSource;
import sempgw.semp.ingress.documents.DocumentSettings;
import sempgw.semp.ingress.documents.Documents;
import sempgw.semp.ingress.documents.DomainKeySet;
import sempgw.semp.ingress.documents.FirstContactPolicy;
import sempgw.semp.ingress.documents.UserKeyDirectory;
import sempgw.store.PrivateFiles;

/**
 * The well-known documents (configuration, domain keys, user keys) the SEMP listener serves,
 * built from {@code [semp]} and our {@link DomainKeys}: every URL on
 * {@code https://<public_host>:<public_port>} (DISCOVERY.md §3.1.1), the configured suites,
 * envelope limit, TTL and first-contact policy (KEY.md §3.2), and the domain keys with their
 * validity (KEY.md §2.3).
 */
public final class SempDocuments {
    private SempDocuments() {
    }

    /** What the documents say, apart from keys. */
    public static DocumentSettings settings(SempConfig semp, String domain) {
        URI base = URI.create("https://" + semp.publicHost() + (semp.publicPort() == 443 ? "" : ":" + semp.publicPort()));
        FirstContactPolicy firstContact = semp.firstContact().mode() == FirstContactMode.CHALLENGE
                ? new FirstContactPolicy.ProofOfWork(semp.firstContact().difficulty())
                : new FirstContactPolicy.Open();
        return new DocumentSettings(domain, base, semp.configurationTtl().toSeconds(), semp.suites(), semp.maxEnvelopeSize(),
                firstContact, DocumentSettings.DEFAULT_MAX_BATCH_ADDRESSES).withTransports(semp.transports());
    }

    /** The published key set: the signing key and the encryption keys of the configured suites. */
    public static DomainKeySet keySet(SempConfig semp, DomainKeys keys) {
        return DomainKeySet.of(keys.signing(), keys.encryptionPublicKeys().stream().filter(k -> semp.suites().contains(k.suite())).toList(),
                keys.created(), keys.expires());
    }

    /**
     * The documents, their configuration revision kept under {@code dataDir} (created mode 0700 if missing).
     *
     * @throws IOException if the revision state cannot be read or written
     */
    public static Documents open(SempConfig semp, DomainKeys keys, UserKeyDirectory directory, Path dataDir, Clock clock) throws IOException {
        PrivateFiles.createDirectories(dataDir);
        return Documents.open(settings(semp, keys.domain()), keySet(semp, keys), directory, dataDir, clock, RandomSource.secure());
    }

    /** {@code <data_dir>/semp}, the SEMP state (configuration revision, user key journal), created mode 0700 if missing. */
    public static Path stateDir(Path dataDir) throws IOException {
        return PrivateFiles.createDirectories(dataDir.resolve("semp"));
    }

}
