package sempgw.e2e.corpus;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decides whether a message that crossed the bridge (SMTP, SEMP, SMTP) shows its recipient what
 * its sender wrote. The octets may differ (the gateways re-encode and re-fold); what a mail client
 * displays may not:
 * <ul>
 *   <li>the MIME tree has the same shape, and every leaf part the same media type, charset,
 *       disposition, file name, Content-ID and decoded octets (compared by SHA-256);</li>
 *   <li>From, To, Cc, Reply-To, Subject, Date, In-Reply-To and References mean the same
 *       ({@link HeaderValues});</li>
 *   <li>no Bcc field (CLIENT.md §6.4.2);</li>
 *   <li>exactly one {@code SEMP-Verification} field, saying pass ({@link VerificationHeader});</li>
 *   <li>every S/MIME and PGP/MIME signature of the original still verifies (RFC 8551 §3.5,
 *       RFC 3156 §5): the signed part must have crossed octet for octet.</li>
 * </ul>
 */
public final class BridgeComparison {
    static final List<String> ADDRESS_FIELDS = List.of("From", "To", "Cc", "Reply-To");
    static final List<String> ID_FIELDS = List.of("In-Reply-To", "References");

    private BridgeComparison() {
    }

    /**
     * The differences between what was sent and what arrived; empty when they are the same.
     *
     * @param keys the keys the sender signed with (for the signature checks)
     * @param senderDomain the SEMP domain the verification field must name
     */
    public static List<String> differences(byte[] sent, byte[] received, SigningKeys keys, String senderDomain) {
        MimeEntity s = MimeEntity.parse(sent);
        MimeEntity r = MimeEntity.parse(received);
        List<String> out = new ArrayList<>();
        for (String name : ADDRESS_FIELDS) {
            field(out, name, s, r, HeaderValues::addresses);
        }
        field(out, "Subject", s, r, HeaderValues::text);
        field(out, "Date", s, r, HeaderValues::date);
        for (String name : ID_FIELDS) {
            field(out, name, s, r, HeaderValues::messageIds);
        }
        if (!r.values("Bcc").isEmpty()) {
            out.add("a Bcc field arrived: " + r.values("Bcc"));
        }
        String verification = VerificationHeader.problem(r.values(VerificationHeader.NAME), senderDomain);
        if (verification != null) {
            out.add(verification);
        }
        String sentShape = shape(s);
        String receivedShape = shape(r);
        if (!sentShape.equals(receivedShape)) {
            out.add("MIME structure " + receivedShape + ", sent " + sentShape);
        } else {
            List<Leaf> sentLeaves = leaves(s);
            List<Leaf> receivedLeaves = leaves(r);
            for (int i = 0; i < sentLeaves.size(); i++) {
                if (!sentLeaves.get(i).equals(receivedLeaves.get(i))) {
                    out.add("part " + (i + 1) + " is " + receivedLeaves.get(i) + ", sent " + sentLeaves.get(i));
                }
            }
        }
        signatures(out, s, r, keys);
        return out;
    }

    /** One leaf part as a client shows it. */
    record Leaf(String mediaType, String charset, String disposition, String filename, String contentId, int octets, String sha256) {
        @Override
        public String toString() {
            return mediaType + (charset.isEmpty() ? "" : ";charset=" + charset) + (disposition.isEmpty() ? "" : " " + disposition)
                    + (filename.isEmpty() ? "" : " \"" + filename + "\"") + (contentId.isEmpty() ? "" : " " + contentId)
                    + " " + octets + " octets sha256 " + sha256.substring(0, 16);
        }
    }

    private static <T> void field(List<String> out, String name, MimeEntity s, MimeEntity r, Function<String, T> meaning) {
        List<String> sv = s.values(name);
        List<String> rv = r.values(name);
        if (rv.size() > 1) {
            out.add(rv.size() + " " + name + " fields arrived");
        }
        T expected = sv.isEmpty() ? null : meaning.apply(sv.getFirst());
        T actual = rv.isEmpty() ? null : meaning.apply(rv.getFirst());
        if (!Objects.equals(expected, actual)) {
            out.add(name + " is " + (rv.isEmpty() ? "missing" : "\"" + actual + "\"") + ", sent " + (sv.isEmpty() ? "none" : "\"" + expected + "\""));
        }
    }

    static String shape(MimeEntity e) {
        if (!e.isMultipart()) {
            return e.mediaType();
        }
        StringBuilder sb = new StringBuilder(e.mediaType()).append('(');
        for (int i = 0; i < e.parts().size(); i++) {
            sb.append(i == 0 ? "" : ",").append(shape(e.parts().get(i)));
        }
        return sb.append(')').toString();
    }

    static List<Leaf> leaves(MimeEntity e) {
        List<Leaf> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    /** A multipart whose parts cannot be found is one leaf, as mail readers show it. */
    private static void collect(MimeEntity e, List<Leaf> out) {
        if (!e.parts().isEmpty()) {
            e.parts().forEach(p -> collect(p, out));
            return;
        }
        String type = e.mediaType();
        String charset = type.startsWith("text/")
                ? Objects.requireNonNullElse(e.contentType().getParameter("charset"), "us-ascii").toLowerCase(Locale.ROOT) : "";
        String disposition = "";
        String filename = "";
        if (e.value("Content-Disposition").isPresent()) {
            try {
                jakarta.mail.internet.ContentDisposition d = new jakarta.mail.internet.ContentDisposition(e.value("Content-Disposition").get());
                disposition = d.getDisposition().toLowerCase(Locale.ROOT);
                filename = Objects.requireNonNullElse(d.getParameter("filename"), "");
            } catch (jakarta.mail.internet.ParseException ex) {
                disposition = "unparseable: " + e.value("Content-Disposition").get();
            }
        }
        if (filename.isEmpty()) {
            filename = Objects.requireNonNullElse(e.contentType().getParameter("name"), "");
        }
        byte[] decoded = e.decodedBody();
        out.add(new Leaf(type, charset, disposition, HeaderValues.text(filename), e.value("Content-ID").orElse("").strip(),
                decoded.length, sha256(decoded)));
    }

    private static void signatures(List<String> out, MimeEntity s, MimeEntity r, SigningKeys keys) {
        List<MimeEntity> sent = signed(s);
        List<MimeEntity> received = signed(r);
        if (sent.size() != received.size()) {
            out.add(received.size() + " multipart/signed parts arrived, sent " + sent.size());
            return;
        }
        for (MimeEntity e : received) {
            String problem = verify(e, keys);
            if (problem != null) {
                out.add("signature no longer verifies: " + problem);
            }
        }
    }

    /** Verifies one multipart/signed entity: null when it verifies, else why not. */
    static String verify(MimeEntity signed, SigningKeys keys) {
        if (signed.parts().size() != 2) {
            return "multipart/signed with " + signed.parts().size() + " parts";
        }
        String protocol = Objects.requireNonNullElse(signed.contentType().getParameter("protocol"), "").toLowerCase(Locale.ROOT);
        byte[] content = signed.parts().get(0).raw();
        byte[] signature = signed.parts().get(1).decodedBody();
        return switch (protocol) {
            case "application/pkcs7-signature", "application/x-pkcs7-signature" ->
                    SmimeSignature.verify(content, signature, keys.smimeCertificate());
            case "application/pgp-signature" -> PgpSignature.verify(content, signature, keys.pgpPublicKey());
            default -> "unknown signature protocol \"" + protocol + "\"";
        };
    }

    static List<MimeEntity> signed(MimeEntity e) {
        List<MimeEntity> out = new ArrayList<>();
        if (e.mediaType().equals("multipart/signed")) {
            out.add(e);
        }
        e.parts().forEach(p -> out.addAll(signed(p)));
        return out;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
