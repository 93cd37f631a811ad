package sempgw.semp.egress.peers;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sempgw.core.StrictBase64;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.handshake.DomainProof;
import sempgw.core.handshake.LocalDomain;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * The {@code _semp-verify.<domain>} TXT record, {@code v=semp1;id=<server_id>;s=<signature>}
 * (HANDSHAKE.md §5.4), and the {@code dns-txt} {@code domain_proof} that points at it. The spec
 * leaves both formats open (SPEC-DIGEST-WIRE §4.4); ours:
 *
 * <ul>
 *   <li>{@code domain_proof} = {@code {"method":"dns-txt","data":"<server_id>"}}.</li>
 *   <li>{@code s} = standard base64 of the Ed25519 signature by the domain signing key over
 *   {@code "SEMP-DISCOVERY:" || "semp-verify:" || domain || ":" || server_id} (ASCII, domain in
 *   lower case; ENVELOPE.md §4.3 domain separation).</li>
 * </ul>
 * A record verifies when {@code id} equals the proof's server id and {@code s} verifies under
 * the key the init was signed with.
 */
public final class SempVerifyRecord {

    /** The {@code domain_proof.method}. */
    public static final String METHOD = "dns-txt";

    private SempVerifyRecord() {
    }

    /** Our {@code domain_proof}: {@code dns-txt} naming our server id. */
    public static DomainProof proof(LocalDomain local) {
        return new DomainProof(METHOD, local.serverId());
    }

    /** The owner name of the record for {@code domain}. */
    public static String ownerName(String domain) {
        return "_semp-verify." + domain.toLowerCase(Locale.ROOT);
    }

    /** The TXT text our domain publishes, for the operator's zone (HANDSHAKE.md §5.4). */
    public static String txt(LocalDomain local) {
        byte[] sig = local.signingKey().sign(SignatureContext.DISCOVERY, signedBytes(local.domain(), local.serverId()));
        return "v=semp1;id=" + local.serverId() + ";s=" + Base64.getEncoder().encodeToString(sig);
    }

    /** True when {@code text} is a version-1 record for {@code serverId} whose signature verifies under {@code key}. */
    public static boolean verifies(String text, String domain, String serverId, DomainSigningPublicKey key) {
        Optional<Map<String, String>> p = parse(text);
        if (p.isEmpty() || !"semp1".equals(p.get().get("v")) || !serverId.equals(p.get().get("id")) || !p.get().containsKey("s")) {
            return false;
        }
        byte[] sig;
        try {
            sig = StrictBase64.decode(p.get().get("s"));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return key.verify(SignatureContext.DISCOVERY, signedBytes(domain, serverId), sig);
    }

    private static byte[] signedBytes(String domain, String serverId) {
        return ("semp-verify:" + domain.toLowerCase(Locale.ROOT) + ":" + serverId).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code k=v} pairs separated by {@code ;}, blanks around them ignored; empty on a duplicate or malformed pair. */
    private static Optional<Map<String, String>> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : text.split(";", -1)) {
            String t = part.strip();
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0 || out.putIfAbsent(t.substring(0, eq).strip().toLowerCase(Locale.ROOT), t.substring(eq + 1).strip()) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }
}
