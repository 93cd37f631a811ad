package sempgw.core.envelope.compose;

import java.time.Instant;
import sempgw.core.crypto.RandomSource;
import sempgw.core.envelope.Ulid;

/** Where composing gets each envelope's {@code postmark.id} (ENVELOPE.md §3.3). */
@FunctionalInterface
public interface PostmarkIds {

    /** A fresh id. */
    String next();

    /** ULIDs at {@code now} from {@code random} (ENVELOPE.md §3.3 "SHOULD use ULIDs"). */
    static PostmarkIds ulid(Instant now, RandomSource random) {
        return () -> Ulid.next(now, random);
    }
}
