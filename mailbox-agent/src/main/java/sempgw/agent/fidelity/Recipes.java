package sempgw.agent.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sempgw.agent.mime.MatchingOutputStream;
import sempgw.agent.mime.MimePart;
import sempgw.agent.mime.Slice;
import sempgw.agent.mime.TextContent;

/**
 * Finds the recipe that writes a part's body again from its decoded content, by trying the
 * parameters read off the body and comparing the output with the body byte for byte. No match
 * means the body is carried raw.
 */
final class Recipes {
    private static final int QP_STANDARD = 76;

    private Recipes() {
    }

    /** A recipe reproducing {@code part}'s body from {@code content}, the decoded attachment bytes. */
    static Optional<Recipe> forContent(MimePart part, byte[] content) {
        for (Recipe r : candidates(part)) {
            if (reproduces(r, content, part.body())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * A recipe reproducing {@code part}'s body from the native text {@code text}; none when the
     * text's charset can only be decoded ({@code ISO-2022-CN}, {@code x-JISAutoDetect}): nothing
     * could write its bytes again, so the body travels verbatim.
     */
    static Optional<Recipe> forText(MimePart part, TextContent text) {
        if (!text.charset().canEncode()) {
            return Optional.empty();
        }
        byte[] content = text.encode(text.text());
        for (Recipe r : candidates(part)) {
            if (reproduces(r, content, part.body())) {
                return Optional.of(r.forText(text.charset(), text.crlf()));
            }
        }
        return Optional.empty();
    }

    private static List<Recipe> candidates(MimePart part) {
        Slice body = part.body();
        return switch (part.encoding()) {
            case IDENTITY -> List.of(Recipe.identity());
            case BASE64 -> List.of(Recipe.base64(firstLineLength(body), endsWithCrlf(body)));
            case QUOTED_PRINTABLE -> {
                List<Recipe> rs = new ArrayList<>(List.of(Recipe.quotedPrintable(QP_STANDARD)));
                int longest = longestLine(body);
                if (longest != QP_STANDARD && longest >= 4 && longest <= 998) {
                    rs.add(Recipe.quotedPrintable(longest));
                }
                yield rs;
            }
            case UNKNOWN -> List.of();
        };
    }

    private static boolean reproduces(Recipe r, byte[] content, Slice body) {
        MatchingOutputStream m = new MatchingOutputStream(body);
        try {
            r.encode(content, m);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream failed", e);
        }
        return m.matches();
    }

    /** Characters on the first line, or 0 when the body is a single line (base64 without wrapping). */
    private static int firstLineLength(Slice body) {
        for (int i = 0; i < body.length(); i++) {
            if (body.at(i) == '\r' || body.at(i) == '\n') {
                return i + 2 >= body.length() ? 0 : Math.min(i, 998);
            }
        }
        return 0;
    }

    private static boolean endsWithCrlf(Slice body) {
        return body.length() >= 2 && body.at(body.length() - 2) == '\r' && body.at(body.length() - 1) == '\n';
    }

    private static int longestLine(Slice body) {
        int longest = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            if (body.at(i) == '\n') {
                longest = Math.max(longest, i - start - (i > start && body.at(i - 1) == '\r' ? 1 : 0));
                start = i + 1;
            }
        }
        return Math.max(longest, body.length() - start);
    }
}
