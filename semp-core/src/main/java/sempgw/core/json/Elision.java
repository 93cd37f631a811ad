package sempgw.core.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fields to blank or delete while canonicalizing, without copying the tree (ENVELOPE.md §4.3).
 * A path is a sequence of object keys from the root.
 *
 * <ul>
 *   <li>{@link Builder#blank blank}: the member is written as {@code ""}, whether or not it was
 *   present, as Go's struct canonicalization does for fields its structs always carry.</li>
 *   <li>{@link Builder#delete delete}: the member is left out.</li>
 * </ul>
 * A path whose parent is absent or not an object has no effect.
 *
 * <pre>{@code
 * Elision SEAL = Elision.builder()
 *         .blank("seal", "signature").blank("seal", "session_mac")
 *         .delete("postmark", "hop_count").delete("padding").build();
 * }</pre>
 */
public final class Elision {

    /** No elision: the plain canonical form. */
    public static final Elision NONE = new Elision(new Node());

    enum Op { DESCEND, BLANK, DELETE }

    static final class Node {
        Op op = Op.DESCEND;
        final Map<String, Node> children = new HashMap<>();
        List<String> blanks = List.of();
    }

    private final Node root;

    private Elision(Node root) {
        this.root = root;
    }

    /** A builder for an elision set. */
    public static Builder builder() {
        return new Builder();
    }

    Node root() {
        return root;
    }

    /** Collects paths; a path may not both blank and delete, nor pass through an elided leaf. */
    public static final class Builder {
        private final Node root = new Node();

        private Builder() {
        }

        /** Writes the member at {@code path} as {@code ""}. */
        public Builder blank(String... path) {
            return add(Op.BLANK, path);
        }

        /** Leaves the member at {@code path} out. */
        public Builder delete(String... path) {
            return add(Op.DELETE, path);
        }

        /** The elision set. */
        public Elision build() {
            freeze(root);
            return new Elision(root);
        }

        private Builder add(Op op, String... path) {
            if (path.length == 0) {
                throw new IllegalArgumentException("empty elision path");
            }
            Node n = root;
            for (int i = 0; i < path.length; i++) {
                if (n.op != Op.DESCEND) {
                    throw new IllegalArgumentException("elision path passes through an elided field");
                }
                n = n.children.computeIfAbsent(Objects.requireNonNull(path[i], "path element"), k -> new Node());
            }
            if (!n.children.isEmpty() || (n.op != Op.DESCEND && n.op != op)) {
                throw new IllegalArgumentException("conflicting elision for " + String.join(".", path));
            }
            n.op = op;
            return this;
        }

        private static void freeze(Node n) {
            List<String> blanks = new ArrayList<>();
            for (Map.Entry<String, Node> e : n.children.entrySet()) {
                if (e.getValue().op == Op.BLANK) {
                    blanks.add(e.getKey());
                }
                freeze(e.getValue());
            }
            blanks.sort(Utf8Order.COMPARATOR);
            n.blanks = List.copyOf(blanks);
        }
    }
}
