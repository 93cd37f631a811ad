package sempgw.semp.egress.peers;

import java.util.List;
import java.util.Objects;

/** Asks DNS for the TXT records of one name. {@link DnsTxtLookup} is the implementation. */
@FunctionalInterface
public interface TxtLookup {

    /** The answer; a timeout or server failure is {@link Answer.Failed}, never "no records" (RFC 2308). */
    Answer txt(String name);

    /** The classified answer. */
    sealed interface Answer {
        /** The records, each one's character-strings concatenated (RFC 1035 §3.3.14). */
        record Found(List<String> texts) implements Answer {
            public Found {
                texts = List.copyOf(texts);
            }
        }

        /** NXDOMAIN or no TXT data. */
        record None() implements Answer {
        }

        /** No usable answer now. */
        record Failed(String detail) implements Answer {
            public Failed {
                Objects.requireNonNull(detail, "detail");
            }
        }
    }
}
