package sempgw.app.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.RecipientStatus;

/**
 * Formats queue entries for {@code queue list} (one line per message plus one per pending
 * recipient, like {@code mailq}) and {@code queue show} (envelope, origin and every recipient's
 * state). Envelope and status only: never content.
 */
final class QueueListing {
    private QueueListing() {
    }

    static List<String> list(List<QueueEntry> entries) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-20s %10s  %-20s  %s", "QUEUE ID", "SIZE", "ARRIVED", "SENDER"));
        for (QueueEntry e : entries) {
            lines.add(String.format(Locale.ROOT, "%-20s %10d  %-20s  %s", e.id(), e.size(), time(e.arrivedAt()), sender(e)));
            for (RecipientStatus r : e.recipients()) {
                if (!r.state().isFinal()) {
                    lines.add(String.format(Locale.ROOT, "    %-9s %s%s", r.state(), r.recipient().address(),
                            r.lastReply().map(reply -> "  (" + reply + ")").orElse("")));
                }
            }
        }
        lines.add(entries.size() + (entries.size() == 1 ? " message" : " messages") + " in the queue");
        return lines;
    }

    static List<String> show(QueueEntry e) {
        List<String> lines = new ArrayList<>();
        lines.add("queue id: " + e.id());
        lines.add("arrived: " + time(e.arrivedAt()));
        lines.add("size: " + e.size());
        lines.add("sender: " + sender(e));
        e.sender().ret().ifPresent(ret -> lines.add("ret: " + ret));
        e.sender().envId().ifPresent(envid -> lines.add("envid: " + envid));
        lines.add("body: " + e.sender().body() + (e.sender().smtpUtf8() ? ", SMTPUTF8" : ""));
        lines.add("origin: " + e.origin().protocol() + " from " + e.origin().heloName() + " [" + e.origin().clientAddress().getHostAddress() + "]"
                + e.origin().authenticatedUser().map(u -> " user " + u).orElse(""));
        for (int i = 0; i < e.recipients().size(); i++) {
            RecipientStatus r = e.recipients().get(i);
            lines.add("recipient " + i + ": " + r.recipient().address());
            lines.add("    state: " + r.state() + ", attempts: " + r.attempts()
                    + (r.state().isFinal() ? "" : ", next attempt: " + time(r.nextAttempt()))
                    + (r.delayNotified() ? ", delay notice sent" : ""));
            r.lastReply().ifPresent(reply -> lines.add("    last reply: " + reply));
        }
        return lines;
    }

    private static String sender(QueueEntry e) {
        return e.sender().isNull() ? "<>" : e.sender().reversePath();
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
