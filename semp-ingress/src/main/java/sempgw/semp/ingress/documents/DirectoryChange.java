package sempgw.semp.ingress.documents;

import java.util.Objects;
import sempgw.core.envelope.SempAddress;
import sempgw.core.json.JsonObject;

/** One change to the user key directory, as handed to a {@link DirectoryJournal} and replayed on start. */
public sealed interface DirectoryChange permits DirectoryChange.Provisioned, DirectoryChange.Published, DirectoryChange.Revoked {

    /** The address concerned. */
    SempAddress address();

    /** A mailbox exists; it has no keys yet. */
    record Provisioned(SempAddress address) implements DirectoryChange {
        public Provisioned {
            Objects.requireNonNull(address, "address");
        }
    }

    /** A signed key record was published for the address. */
    record Published(SempAddress address, PublishedKey key) implements DirectoryChange {
        public Published {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(key, "key");
        }
    }

    /** A key was revoked; {@code revocation} is the object added to its record (KEY.md §8.4). */
    record Revoked(SempAddress address, String keyId, JsonObject revocation) implements DirectoryChange {
        public Revoked {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(revocation, "revocation");
        }
    }
}
