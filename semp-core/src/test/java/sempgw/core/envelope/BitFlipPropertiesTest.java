package sempgw.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import sempgw.core.SempReason;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.open.OpenError;
import sempgw.core.envelope.open.OpenException;
import sempgw.core.envelope.seal.Verdict;

/**
 * Any flipped bit in the signed or encrypted bytes of an envelope is caught: by the receive
 * pipeline with the right reason code (the seal covers every byte but padding, §4.3), or by the
 * recipient client when it opens a payload or its key entry (AEAD, §4.4).
 */
final class BitFlipPropertiesTest {
    private static final TestWorld W = TestWorld.of(SuiteId.X25519_CHACHA20_POLY1305);
    private static final Envelope SEALED;
    private static final byte[] WIRE;
    private static final int[] PADDING;
    private static final int[] MAC;
    private static final int[] VERSION;

    static {
        try {
            SEALED = W.seal(W.compose(TestWorld.draft("flip", "Hello Bob, numbers attached.", "bob@b.example")).getFirst().envelope());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        WIRE = EnvelopeCodec.encode(SEALED);
        PADDING = valueRange("\"padding\":\"");
        MAC = valueRange("\"session_mac\":\"");
        VERSION = valueRange("\"version\":\"");
    }

    private static int[] valueRange(String prefix) {
        String text = new String(WIRE, StandardCharsets.UTF_8);
        int start = text.indexOf(prefix) + prefix.length();
        return new int[] {start, text.indexOf('"', start)};
    }

    private static boolean in(int[] range, int i) {
        return i >= range[0] && i < range[1];
    }

    /** Every one of the 32,768 single-bit flips of the wire bytes, not a sample of them. */
    @Test
    void flip_anyWireBit_isRejectedUnlessInPadding() {
        assertThat(WIRE).hasSize(4096);
        for (int index = 0; index < WIRE.length; index++) {
            for (int bit = 0; bit < 8; bit++) {
                checkFlip(index, bit);
            }
        }
    }

    private static void checkFlip(int index, int bit) {
        byte[] mutated = WIRE.clone();
        mutated[index] ^= (byte) (1 << bit);
        Verdict v = W.verifier().receive(mutated, TestWorld.NOW);
        if (in(PADDING, index)) {
            assertThat(v).isInstanceOfAny(Verdict.Accepted.class, Verdict.Malformed.class);
            return;
        }
        assertThat(v).as("flip of bit %d at %d", bit, index).isNotInstanceOf(Verdict.Accepted.class);
        if (v instanceof Verdict.Rejected r) {
            SempReason expected = in(MAC, index) ? SempReason.SESSION_MAC_INVALID
                    : in(VERSION, index) && r.reason() == SempReason.VERSION_UNSUPPORTED ? SempReason.VERSION_UNSUPPORTED : SempReason.SEAL_INVALID;
            assertThat(r.reason()).as("flip of bit %d at %d", bit, index).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void flip_payloadOrKeyEntryBit_isCaughtWhenOpening(@ForAll @IntRange(min = 0, max = 2) int field,
                                                         @ForAll @IntRange(min = 0, max = 100_000) int position,
                                                         @ForAll @IntRange(min = 0, max = 7) int bit) {
        String bob = W.clientKey("bob@b.example").keyId().hex();
        String target = switch (field) {
            case 0 -> SEALED.brief();
            case 1 -> SEALED.enclosure();
            default -> SEALED.seal().enclosureRecipients().get(bob);
        };
        byte[] raw = Base64.getDecoder().decode(target);
        raw[position % raw.length] ^= (byte) (1 << bit);
        String flipped = Base64.getEncoder().encodeToString(raw);
        Envelope e = switch (field) {
            case 0 -> new Envelope(SEALED.version(), SEALED.postmark(), SEALED.seal(), flipped, SEALED.enclosure(), SEALED.padding());
            case 1 -> new Envelope(SEALED.version(), SEALED.postmark(), SEALED.seal(), SEALED.brief(), flipped, SEALED.padding());
            default -> {
                Map<String, String> m = new HashMap<>(SEALED.seal().enclosureRecipients());
                m.put(bob, flipped);
                Seal s = SEALED.seal();
                yield SEALED.withSeal(new Seal(s.algorithm(), s.keyId(), s.signature(), s.sessionMac(), s.briefRecipients(), m,
                        Optional.empty(), s.extensions()));
            }
        };
        OpenError expected = switch (field) {
            case 0 -> OpenError.BRIEF_UNREADABLE;
            case 1 -> OpenError.ENCLOSURE_UNREADABLE;
            default -> OpenError.KEY_UNWRAP_FAILED;
        };
        try {
            W.opener("bob@b.example").open(e);
            throw new AssertionError("opened a modified envelope");
        } catch (OpenException x) {
            assertThat(x.error()).isEqualTo(expected);
        }
        assertThat(W.verifier().receive(EnvelopeCodec.encode(e), TestWorld.NOW))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(SempReason.SEAL_INVALID));
    }

    @Test
    void respelledSignature_withUnusedBitsSet_isRejected() {
        Seal s = SEALED.seal();
        Envelope e = SEALED.withSeal(new Seal(s.algorithm(), s.keyId(), respell(s.signature()), s.sessionMac(), s.briefRecipients(),
                s.enclosureRecipients(), s.firstContactToken(), s.extensions()));
        assertThat(W.verifier().receive(EnvelopeCodec.encode(e), TestWorld.NOW))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(SempReason.SEAL_INVALID));
    }

    @Test
    void respelledSessionMac_withUnusedBitsSet_isRejected() {
        Seal s = SEALED.seal();
        Envelope e = SEALED.withSeal(new Seal(s.algorithm(), s.keyId(), s.signature(), respell(s.sessionMac()), s.briefRecipients(),
                s.enclosureRecipients(), s.firstContactToken(), s.extensions()));
        assertThat(W.verifier().receive(EnvelopeCodec.encode(e), TestWorld.NOW))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(SempReason.SESSION_MAC_INVALID));
    }

    /** The same bytes in another spelling: the last data character with its unused low bit set. */
    private static String respell(String b64) {
        int last = b64.replace("=", "").length() - 1;
        assertThat(b64).endsWith("=");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char[] chars = b64.toCharArray();
        chars[last] = alphabet.charAt(alphabet.indexOf(chars[last]) ^ 1);
        String other = new String(chars);
        assertThat(Base64.getDecoder().decode(other)).isEqualTo(Base64.getDecoder().decode(b64));
        return other;
    }
}
