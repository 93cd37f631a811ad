package sempgw.agent;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Set;
import sempgw.agent.mime.HeaderField;
import sempgw.agent.mime.HeaderSection;
import sempgw.agent.mime.Slice;

/**
 * Which top-level header fields travel in the fidelity extension and reach the mailbox. Not
 * carried, in either direction:
 * <ul>
 *   <li>trace and delivery fields the sending side's MTAs added: {@code Received},
 *   {@code Return-Path}, {@code Delivered-To}, {@code X-Original-To}, {@code Received-SPF},
 *   {@code Authentication-Results} (RFC 5321 §4.4, RFC 8601 §5: results are only meaningful to
 *   the domain that wrote them);</li>
 *   <li>{@code Bcc} and {@code Resent-Bcc}: blind recipients are never shown (ENVELOPE.md §5.3,
 *   CLIENT.md §6.4.2);</li>
 *   <li>every {@code SEMP-*} field: the verification header is ours to write and the author
 *   opt-in {@code SEMP-Require} is consumed by routing.</li>
 * </ul>
 * Everything else, DKIM and ARC signatures included, is kept in order, byte for byte.
 */
final class HeaderPolicy {
    private static final Set<String> DROPPED = Set.of("received", "return-path", "delivered-to", "x-original-to",
            "received-spf", "authentication-results", "bcc", "resent-bcc");

    private HeaderPolicy() {
    }

    /** True when a top-level field named {@code name} is carried. */
    static boolean carried(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !DROPPED.contains(n) && !n.startsWith("semp-");
    }

    /** The carried fields of {@code top}, in order, followed by its terminating empty line. */
    static Slice carriedSection(HeaderSection top) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(top.whole().length());
        for (HeaderField f : top.fields()) {
            if (carried(f.name())) {
                out.write(f.raw().buf(), f.raw().from(), f.raw().length());
            }
        }
        Slice t = top.terminator();
        out.write(t.buf(), t.from(), t.length());
        return Slice.of(out.toByteArray());
    }
}
