package sempgw.app.mailbox;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SequencedSet;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;

/**
 * A {@code mailbox import} file, checked as a whole before anything is added: UTF-8, one address
 * per line, blank lines and lines starting with {@code #} ignored (the format of
 * {@code smtp.recipients_file}, without its {@code @domain} wildcards: a mailbox has keys of its
 * own). Every line must be an address at our domain; an address listed twice counts once.
 */
final class ImportFile {
    /** Largest file read, so an operator's mistake cannot exhaust the gateway's memory. */
    static final long MAX_SIZE = 16L << 20;
    /** Problems listed before the rest are summed up. */
    static final int MAX_PROBLEMS = 20;

    private ImportFile() {
    }

    /** The addresses, in file order, or every problem found. */
    sealed interface Parsed {
    }

    record Valid(SequencedSet<SempAddress> addresses) implements Parsed {
    }

    record Invalid(List<String> problems) implements Parsed {
    }

    /** @throws IOException if the file cannot be read or is too large or not UTF-8 */
    static Parsed read(Path file, String domain) throws IOException {
        if (Files.size(file) > MAX_SIZE) {
            throw new IOException(file + " is larger than " + (MAX_SIZE >> 20) + " MB");
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), domain);
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text", e);
        }
    }

    static Parsed parse(List<String> lines, String domain) {
        SequencedSet<SempAddress> addresses = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        int bad = 0;
        for (int i = 0; i < lines.size(); i++) {
            String entry = lines.get(i).strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String problem = null;
            try {
                SempAddress a = MailboxAddresses.parse(entry);
                if (a.domain().equals(domain.toLowerCase(Locale.ROOT))) {
                    addresses.add(a);
                } else {
                    problem = a + " is not at " + domain;
                }
            } catch (InvalidAddressException e) {
                problem = "not a mailbox address (" + e.getMessage() + ")";
            }
            if (problem != null && bad++ < MAX_PROBLEMS) {
                problems.add("line " + (i + 1) + ": " + problem);
            }
        }
        if (bad > MAX_PROBLEMS) {
            problems.add("... and " + (bad - MAX_PROBLEMS) + " more");
        }
        return bad == 0 ? new Valid(addresses) : new Invalid(problems);
    }
}
