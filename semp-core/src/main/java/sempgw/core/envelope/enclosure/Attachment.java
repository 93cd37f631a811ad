package sempgw.core.envelope.enclosure;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import sempgw.core.crypto.Digests;

/**
 * An attachment carried inside the enclosure (ENVELOPE.md §6.3). As semp-go does, {@code content}
 * is the base64 of the attachment bytes: the enclosure around it is already encrypted.
 *
 * @param id unique within the envelope
 * @param filename original file name
 * @param mimeType MIME type
 * @param size size in bytes of the content
 * @param hash {@code sha256:<hex>} of the content (go also accepts {@code sha512:})
 * @param content base64 of the content
 */
public record Attachment(String id, String filename, String mimeType, long size, String hash, String content) {

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(content, "content");
        if (size < 0) {
            throw new IllegalArgumentException("negative attachment size");
        }
    }

    /** An attachment of {@code data}, with size and SHA-256 hash computed. */
    public static Attachment of(String id, String filename, String mimeType, byte[] data) {
        return new Attachment(id, filename, mimeType, data.length,
                "sha256:" + HexFormat.of().formatHex(Digests.sha256(data)), Base64.getEncoder().encodeToString(data));
    }

    /** Shows the id only: file names can be private. */
    @Override
    public String toString() {
        return "Attachment[" + id + ", " + size + " bytes]";
    }
}
