package sempgw.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sempgw.core.SempReason;

/**
 * The single source of truth for what a SEMP outcome means on the SMTP side (GATEWAY.md §5,
 * docs/outcomes.md): every registry code (ERRORS.md §2-§5, {@link SempReason}), every
 * {@link LocalOutcome}, and {@code unknown}, each with its retry class, its end-of-data SMTP
 * reply and its DSN Action and Status (RFC 3464 §2.3.3, §2.3.4). Why each status was chosen is
 * written beside its row in {@code OutcomeRows}.
 *
 * <ul>
 *   <li>Lookup is by the exact, case-sensitive code (ERRORS.md §15.3). Any other code, including
 *       a namespaced extension code, is {@code unknown} and terminal (ERRORS.md §13.1, §15.2).</li>
 *   <li>{@code silent} is temporary and never success (DELIVERY.md §2.2).</li>
 *   <li>{@code quota_exceeded}, named recoverable in DELIVERY.md §2.2 but absent from the
 *       registry, is unknown here as it is in semp-core.</li>
 * </ul>
 */
public final class Outcomes {

    /** Bound for an unregistered code named in a reply: the peer chose it. */
    static final int MAX_CODE = 64;
    private static final Map<String, Outcome> BY_CODE = build();
    private static final List<Outcome> TABLE = List.copyOf(BY_CODE.values());

    private Outcomes() {
    }

    /** Every row, in the order of docs/outcomes.md: registry codes, local outcomes, then {@code unknown}. */
    public static List<Outcome> table() {
        return TABLE;
    }

    /** The row of a registry code ({@link SempReason#UNKNOWN} gives the {@code unknown} row). */
    public static Outcome of(SempReason reason) {
        return BY_CODE.get(Objects.requireNonNull(reason, "reason").code());
    }

    /** The row of a local outcome. */
    public static Outcome of(LocalOutcome outcome) {
        return BY_CODE.get(Objects.requireNonNull(outcome, "outcome").code());
    }

    /** The row for a code as received or logged; anything not in the table is {@code unknown}. */
    public static Outcome lookup(String code) {
        Objects.requireNonNull(code, "code");
        return BY_CODE.getOrDefault(code, BY_CODE.get(SempReason.UNKNOWN.code()));
    }

    /**
     * The SMTP reply for this outcome with the peer's (or our) reason: {@code 550 5.7.1 semp;
     * blocked: <reason>}. The reason is sanitised ({@link ReplyText#sanitize(String)}); when it
     * is empty the row's meaning stands in. An unregistered code is named as received, reduced to
     * {@code [A-Za-z0-9._/-]} and {@value #MAX_CODE} characters, so the operator sees what the peer sent.
     */
    public static SmtpStatus reply(String code, String reasonText) {
        Outcome row = lookup(code);
        String named = BY_CODE.containsKey(code) ? code : codeForText(code);
        String reason = reasonText == null ? "" : ReplyText.sanitize(reasonText);
        return row.reply().withText("semp; " + named + ": " + (reason.isEmpty() ? row.meaning() : reason));
    }

    private static String codeForText(String code) {
        StringBuilder out = new StringBuilder(Math.min(code.length(), MAX_CODE));
        for (int i = 0; i < code.length() && out.length() < MAX_CODE; i++) {
            char c = code.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "._/-".indexOf(c) >= 0;
            out.append(allowed ? c : '?');
        }
        return out.isEmpty() ? SempReason.UNKNOWN.code() : out.toString();
    }

    private static Map<String, Outcome> build() {
        List<Outcome> rows = new ArrayList<>();
        for (SempReason reason : SempReason.values()) {
            if (reason != SempReason.UNKNOWN) {
                rows.add(OutcomeRows.of(reason));
            }
        }
        for (LocalOutcome outcome : LocalOutcome.values()) {
            rows.add(OutcomeRows.of(outcome));
        }
        rows.add(OutcomeRows.of(SempReason.UNKNOWN));
        Map<String, Outcome> byCode = new LinkedHashMap<>();
        for (Outcome row : rows) {
            if (byCode.putIfAbsent(row.code(), row) != null) {
                throw new IllegalStateException("two outcome rows for " + row.code());
            }
        }
        return byCode;
    }
}
