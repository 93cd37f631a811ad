package sempgw.agent.mime;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code Content-Type} (RFC 2045 §5.1): lower-case type and subtype, parameters by
 * lower-case name. A missing or syntactically invalid field means {@code text/plain;
 * charset=us-ascii} (RFC 2045 §5.2), except inside {@code multipart/digest}, where it means
 * {@code message/rfc822} (RFC 2046 §5.1.5).
 *
 * @param type the top-level media type
 * @param subtype the subtype
 * @param params the parameters, RFC 2231 decoded
 */
public record ContentType(String type, String subtype, Map<String, String> params) {
    /** The RFC 2045 §5.2 default. */
    public static final ContentType TEXT_PLAIN = new ContentType("text", "plain", Map.of("charset", "us-ascii"));
    /** The default inside {@code multipart/digest}. */
    public static final ContentType MESSAGE_RFC822 = new ContentType("message", "rfc822", Map.of());

    public ContentType {
        params = Map.copyOf(params);
    }

    /** The field value parsed, comments ignored ({@link Comments}), or {@code fallback} when it is not {@code type/subtype}. */
    public static ContentType parse(String field, ContentType fallback) {
        String value = Comments.strip(field);
        int slash = value.indexOf('/');
        int semi = value.indexOf(';');
        int typeEnd = semi < 0 ? value.length() : semi;
        if (slash <= 0 || slash > typeEnd) {
            return fallback;
        }
        String type = value.substring(0, slash).strip().toLowerCase(Locale.ROOT);
        String subtype = value.substring(slash + 1, typeEnd).strip().toLowerCase(Locale.ROOT);
        if (!isToken(type) || !isToken(subtype)) {
            return fallback;
        }
        return new ContentType(type, subtype, semi < 0 ? Map.of() : MimeParams.parse(value.substring(semi)));
    }

    /** {@code type/subtype}. */
    public String mimeType() {
        return type + "/" + subtype;
    }

    /** True for {@code multipart/*}. */
    public boolean isMultipart() {
        return type.equals("multipart");
    }

    /** True when this is {@code mimeType}. */
    public boolean is(String mimeType) {
        return mimeType().equals(mimeType);
    }

    /** The parameter {@code name}, when present and not empty. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name)).filter(v -> !v.isEmpty());
    }

    /** True when {@code s} is an RFC 2045 token. */
    public static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
