package sempgw.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sempgw.agent.mime.HeaderSection;
import sempgw.agent.mime.MessageIds;
import sempgw.core.envelope.brief.Brief;

/**
 * Thread continuity between RFC 5322 ids and SEMP ids (CLIENT.md §6.4.4, §3.6).
 *
 * <p>Outbound: {@code In-Reply-To <X@semp.invalid>} (or {@code @semp.example}) means the parent
 * was a SEMP message: {@code in_reply_to = X}; any other parent {@code <x>} gives
 * {@code in_reply_to = legacy:x}. {@code thread_id} names the thread's root the same way: the
 * first id of {@code References}, else the {@code In-Reply-To} parent, else the message's own
 * {@code Message-ID} (a new thread is rooted at itself). Every message of a thread therefore
 * gets the same {@code thread_id} from every gateway, and a native client that replies copies
 * it (§3.6), which lets the way back name the root in {@code References}.
 *
 * <p>Inbound (native senders): {@code In-Reply-To} and {@code References} are the reverse
 * mapping; {@code legacy:x} becomes {@code <x>}, a SEMP id {@code <X@semp.invalid>}.
 */
final class Threading {
    private static final String LEGACY = "legacy:";

    private Threading() {
    }

    /** {@code brief.in_reply_to} for the header section {@code top}. */
    static Optional<String> inReplyTo(HeaderSection top) {
        return top.value("In-Reply-To").flatMap(v -> MessageIds.parse(v).stream().findFirst()).map(Threading::toSemp);
    }

    /** {@code brief.thread_id} for the header section {@code top}. */
    static Optional<String> threadId(HeaderSection top) {
        Optional<String> root = top.value("References").flatMap(v -> MessageIds.parse(v).stream().findFirst());
        if (root.isEmpty()) {
            root = top.value("In-Reply-To").flatMap(v -> MessageIds.parse(v).stream().findFirst());
        }
        if (root.isEmpty()) {
            root = top.value("Message-ID").flatMap(v -> MessageIds.parse(v).stream().findFirst());
        }
        return root.map(Threading::toSemp);
    }

    /** The SEMP reference for RFC 5322 id core {@code id}. */
    static String toSemp(String id) {
        return MessageIds.sempId(id).orElse(LEGACY + id);
    }

    /** The RFC 5322 id, brackets included, for SEMP reference {@code ref}; empty when it cannot be one. */
    static Optional<String> toRfc5322(String ref) {
        if (ref.startsWith(LEGACY)) {
            String id = ref.substring(LEGACY.length());
            return MessageIds.isSensible(id) ? Optional.of("<" + id + ">") : Optional.empty();
        }
        return Optional.of(MessageIds.synthetic(ref));
    }

    /** {@code In-Reply-To} for a native brief. */
    static Optional<String> inReplyToHeader(Brief b) {
        return b.inReplyTo().flatMap(Threading::toRfc5322);
    }

    /** {@code References} for a native brief: the thread root, then the parent. */
    static List<String> references(Brief b) {
        List<String> refs = new ArrayList<>(2);
        b.threadId().flatMap(Threading::toRfc5322).ifPresent(refs::add);
        inReplyToHeader(b).filter(p -> !refs.contains(p)).ifPresent(refs::add);
        return refs;
    }
}
