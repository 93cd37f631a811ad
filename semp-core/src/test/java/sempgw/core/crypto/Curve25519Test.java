package sempgw.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both Curve25519 implementations give the RFC answers and the same results as each other, refuse
 * the same inputs, and BoringSSL is the one chosen on the platforms its native library ships for.
 */
final class Curve25519Test {
    private static final BoringSslCurve25519 BORING = BoringSsl.provider().map(BoringSslCurve25519::new).orElse(null);
    private static final BouncyCastleCurve25519 BOUNCY = BouncyCastleCurve25519.INSTANCE;
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    /** Points whose X25519 output is all-zero for every scalar (orders 1, 2, 4, 8, and non-canonical forms of them). */
    private static final List<String> LOW_ORDER = List.of(
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0100000000000000000000000000000000000000000000000000000000000000",
            "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
            "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");

    static Stream<Curve25519> implementations() {
        return Stream.of(BORING, BOUNCY);
    }

    @Test
    void boringSsl_isChosen_onLinuxX86AndArm() {
        assertThat(BORING).as("Conscrypt's native library loads (BoringSslTest)").isNotNull();
        assertThat(Curve25519.active()).isInstanceOf(BoringSslCurve25519.class);
        assertThat(Curve25519.active().name()).matches("BoringSSL \\(Conscrypt 2\\.[0-9.]+\\)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void knownAnswers_pass(Curve25519 curve) {
        assertThat(KnownAnswers.pass(curve)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void x25519_lowOrderPoints_giveNoSecret(Curve25519 curve) {
        byte[] scalar = new byte[32];
        new Random(1).nextBytes(scalar);
        for (String point : LOW_ORDER) {
            assertThat(curve.agree(scalar, HexFormat.of().parseHex(point), new byte[32])).as(point).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void generate_fromAScriptedSource_usesItsBytes_rfc7748Section6_1(Curve25519 curve) {
        byte[] alice = HexFormat.of().parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        Curve25519.KeyPair pair = curve.generate(out -> System.arraycopy(alice, 0, out, 0, out.length));
        assertThat(pair.scalar().array()).isEqualTo(alice);
        assertThat(hex(pair.publicKey())).isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    }

    @Test
    void generate_fromTheSystemSource_inBoringSsl_givesDistinctPairsWithBouncyCastlesPublicKey() {
        assertThat(RandomSource.secure().isSystem()).isTrue();
        java.util.Set<String> scalars = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            Curve25519.KeyPair pair = BORING.generate(RandomSource.secure());
            byte[] expected = new byte[32];
            org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase(pair.scalar().array(), 0, expected, 0);
            assertThat(pair.publicKey()).isEqualTo(expected);
            assertThat(scalars.add(hex(pair.scalar().array()))).isTrue();
        }
    }

    @Test
    void x25519_randomInputs_sameSecretFromBoth_includingTheIgnoredTopBitAndLongerKeys() {
        Random r = new Random(7748);
        for (int i = 0; i < 300; i++) {
            byte[] scalar = bytes(r, i % 4 == 0 ? 64 : 32); // hybrid keys carry the X25519 key first
            byte[] point = bytes(r, i % 3 == 0 ? 64 : 32);
            byte[] a = new byte[32];
            byte[] b = new byte[32];
            boolean okA = BORING.agree(scalar, point, a);
            boolean okB = BOUNCY.agree(scalar, point, b);
            assertThat(okA).isEqualTo(okB);
            assertThat(a).as("scalar %s point %s", hex(scalar), hex(point)).isEqualTo(b);
        }
    }

    @Test
    void x25519_doesNotAlterTheCallersScalarOrPoint() {
        byte[] scalar = bytes(new Random(3), 32);
        byte[] point = X25519Kem.publicKeyOf(bytes(new Random(4), 32));
        byte[] scalarCopy = scalar.clone();
        byte[] pointCopy = point.clone();
        BORING.agree(scalar, point, new byte[32]);
        assertThat(scalar).isEqualTo(scalarCopy);
        assertThat(point).isEqualTo(pointCopy);
    }

    @Test
    void ed25519_randomKeysAndMessages_bothVerifyEverySignature() throws CryptoException {
        Random r = new Random(8032);
        for (int i = 0; i < 100; i++) {
            Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(bytes(r, 32));
            byte[] pub = key.publicKey().bytes();
            SignatureContext context = i % 2 == 0 ? SignatureContext.GO_UNPREFIXED_KEY_RECORD : SignatureContext.ENVELOPE;
            byte[] message = bytes(r, r.nextInt(i % 10 == 0 ? 70_000 : 300));
            byte[] sig = key.sign(context, message);
            assertThat(BORING.verifier(pub).verify(context, message, sig)).isTrue();
            assertThat(BOUNCY.verifier(pub).verify(context, message, sig)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void ed25519_anyAlteredByte_orOtherContext_isRefused(Curve25519 curve) throws CryptoException {
        Random r = new Random(25519);
        Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(bytes(r, 32));
        byte[] message = bytes(r, 200);
        byte[] sig = key.sign(SignatureContext.HANDSHAKE, message);
        Curve25519.Verifier v = curve.verifier(key.publicKey().bytes());
        for (int i = 0; i < sig.length * 8; i++) {
            byte[] bad = sig.clone();
            bad[i / 8] ^= (byte) (1 << (i % 8));
            assertThat(v.verify(SignatureContext.HANDSHAKE, message, bad)).as("signature bit %d", i).isFalse();
        }
        byte[] badMessage = message.clone();
        badMessage[100] ^= 1;
        assertThat(v.verify(SignatureContext.HANDSHAKE, badMessage, sig)).isFalse();
        assertThat(v.verify(SignatureContext.GO_UNPREFIXED_KEY_RECORD, message, sig)).isFalse();
        assertThat(v.verify(SignatureContext.HANDSHAKE, message, Arrays.copyOf(sig, 63))).isFalse();
        assertThat(v.verify(SignatureContext.HANDSHAKE, message, Arrays.copyOf(sig, 65))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void ed25519_malleatedS_isRefused(Curve25519 curve) throws CryptoException {
        // RFC 8032 §5.1.7: S must be below L; S + L verifies the same equation and must still fail.
        Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(bytes(new Random(1), 32));
        byte[] message = {1, 2, 3};
        byte[] sig = key.sign(SignatureContext.GO_UNPREFIXED_KEY_RECORD, message);
        BigInteger s = new BigInteger(1, reverse(Arrays.copyOfRange(sig, 32, 64))).add(L);
        byte[] malleated = Arrays.copyOf(sig, 64);
        System.arraycopy(reverse(toFixed(s, 32)), 0, malleated, 32, 32);
        assertThat(curve.verifier(key.publicKey().bytes()).verify(SignatureContext.GO_UNPREFIXED_KEY_RECORD, message, malleated)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void ed25519_publicKeyThatIsNoPoint_hasNoVerifier(Curve25519 curve) {
        // y = 2 is not the y-coordinate of a curve point.
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;
        assertThat(curve.verifier(notAPoint)).isNull();
    }

    @Test
    void destroyedPrivateKey_refusesToSign() {
        Ed25519PrivateKey k = Ed25519PrivateKey.generate(RandomSource.secure());
        k.destroy();
        assertThatThrownBy(() -> k.sign(SignatureContext.ENVELOPE, new byte[1])).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] reverse(byte[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[b.length - 1 - i];
        }
        return out;
    }

    private static byte[] toFixed(BigInteger v, int n) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[n];
        int copy = Math.min(raw.length, n);
        System.arraycopy(raw, raw.length - copy, out, n - copy, copy);
        return out;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
