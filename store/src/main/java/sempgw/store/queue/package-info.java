/**
 * The durable mail queue: the one place where SMTP ingress, the queue manager and the delivery
 * agents meet (as Postfix's programs meet only at its queue).
 *
 * <p>A {@link sempgw.store.queue.Submission} is a transaction: {@code begin -> addRecipient* ->
 * content -> commit | abort}. Nothing is visible before {@code commit}; {@code commit} returns
 * only once the envelope, every recipient and the content are on stable storage (fsync), so the
 * caller may then say {@code 250}. State is kept per recipient; delivery agents report one
 * {@link sempgw.store.queue.DeliveryResult} per recipient, and only the recipients that failed
 * are retried.
 *
 * <h2>The file-system queue: {@link sempgw.store.queue.FsQueue}</h2>
 *
 * <p><b>Design.</b> One file per message, written and fsync'd by the submitting session's own
 * thread, with directory fsyncs shared by a committer thread (group commit). Concurrent
 * sessions' file fsyncs run in parallel, and the kernel folds them into shared journal commits
 * (this disk: about 6,200 fsync/s with one writer, 17,800/s with eight). The directory fsync is
 * requested when the file is created (at the first DATA octet) and is normally finished by
 * commit time, so a commit waits for one fsync: its own. The price is a file create, fsync and
 * unlink per message (about 0.3 ms of CPU here, most of it in the kernel). A shared segment log
 * would share that fsync too, but needs a cleaner to reclaim segments pinned by long-deferred
 * mail, a way to stream 20 MB messages without holding the log, and a whole-log scan at start;
 * per-message files keep deletion, quarantine and recovery per message, as Postfix does. Memory
 * per submission is one 64 KiB segment at most, whatever the message size.
 *
 * <p><b>On-disk layout.</b>
 * <pre>
 * DIR/queue.lock        locked while a queue is open: one process per directory
 * DIR/keycheck          8-octet id of the queue key (derived by HMAC; reveals nothing of the key)
 * DIR/queue/ID          one file per entry (mode 0600), named by its queue id, from the first
 *                       DATA octet on; ids are 10 base-62 digits of microseconds + 4 random digits
 * DIR/corrupt/ID[.n]    files that could not be read back, kept for inspection, never deleted
 *
 * file    = header (64) | content stream | envelope stream | status record*
 * header  = "SGWQ" | 01 | 000000 | key id (8) | salt (32) | content length (8) | envelope length (8)
 * stream  = AES-256-GCM segments of 64 KiB plaintext + 16-octet tag;
 *           nonce = stream | 000000 | index (8), AD = header[0..48) | stream | index | last-flag
 * record  = length (4) | nonce (12, random) | ciphertext + tag, AD = header[0..48) | 02 | sequence | 01
 * </pre>
 * Each file has its own key, HKDF-Expand(queue key, "sempgw-queue-file-v1" | salt | id), so the
 * nonces only need to be unique within a file and a file cannot be passed off under another
 * name. Addresses, DSN parameters, origin, reply texts and content are all ciphertext; only the
 * header (salt, lengths) and the file size are plaintext.
 *
 * <p><b>Durability argument.</b> {@code commit} (1) created {@code queue/ID} with a zero header
 * and asked for a directory fsync, (2) streamed the content, (3) appends the envelope, writes
 * the header last, and fsyncs the file, (4) waits for the directory fsync asked for in (1),
 * which began after the file's name existed, (5) publishes the entry and returns. When it
 * returns, the file's data and inode are on stable storage (3) and so is its name (4): the
 * message survives power loss, and only then may the caller say {@code 250}. A recipient's
 * state change appends a record; non-final states ({@code DEFERRED}, {@code HELD}) are
 * fdatasync'd, final ones are not, and the file is unlinked without a directory fsync once every
 * recipient is final: a crash can at worst bring back an earlier state, so a recipient is tried
 * again (a duplicate), never lost. {@code delete} waits for a directory fsync.
 *
 * <p><b>Crash recovery</b> ({@code FsQueue.open}), file by file:
 * <ol>
 *   <li>A header still zero (or a file shorter than one): a submission that never reached
 *       commit, whose sender got no {@code 250}: removed.</li>
 *   <li>A bad header, a key id other than the queue's, lengths beyond the file, or an envelope
 *       that fails authentication: moved to {@code corrupt/} and logged; the queue starts.</li>
 *   <li>Status records: the longest authenticated prefix counts; a torn tail is cut off.</li>
 *   <li>Every recipient final: the lost unlink is redone.</li>
 *   <li>Content is not read at start (the cost is the same for 5 KB and 20 MB messages); each
 *       segment is authenticated as it is read, and a failure moves the entry to
 *       {@code corrupt/} and fails that read, so the delivery attempt is deferred.</li>
 * </ol>
 * A directory whose {@code keycheck} names another key is refused as a whole, rather than
 * quarantining every entry. After a power loss (not a process crash: the header is written
 * after the data) a file caught between its header write and the end of its fsync may fail
 * authentication; it goes to {@code corrupt/} and, never acknowledged, is never delivered. A
 * process killed in that window leaves a whole file, recovered as an entry: its sender got no
 * {@code 250} and may send again, a duplicate rather than a loss.
 *
 * <p><b>Specification references:</b> GATEWAY.md §5 ({@code 250} only after the message is on
 * disk and fsync'd; the spool is encrypted at rest).
 *
 * <p><b>Security:</b> holds message content, encrypted at rest with the queue key; never logs
 * content.
 * {@link sempgw.store.queue.QueueKey} holds the 256-bit key in one array, zeroed on close, and
 * refuses key files that group or others can read; {@link sempgw.store.queue.FsQueue} keeps no
 * raw key bytes (only the JCE's keyed HMAC and per-file cipher keys, which the JDK cannot wipe)
 * and writes only ciphertext.
 *
 * <p><b>Standards:</b> RFC 5321 (envelope), RFC 3461 (DSN parameters kept per recipient),
 * RFC 6531 (SMTPUTF8 flag); for {@code FsQueue}: RFC 5116 and NIST SP 800-38D (AES-GCM),
 * RFC 5869 (HKDF).
 */
package sempgw.store.queue;
