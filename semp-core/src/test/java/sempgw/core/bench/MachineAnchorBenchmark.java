package sempgw.core.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How fast this machine is against the one PERF-ANCHORS.md was measured on. semp-go cannot run
 * here, so its figures come from there. This class times two BouncyCastle calls that the anchors'
 * primitive table also gives for BouncyCastle:
 * <ul>
 *   <li>Ed25519 verification of 256 bytes: 0.69 x Go's 19,262/s, 13,291/s there;</li>
 *   <li>X25519 agreement: 1.05 x Go's 11,084/s, 11,638/s there.</li>
 * </ul>
 * Both are scalar integer code, as semp-go's curve and Kyber arithmetic are, so ops/s here over
 * ops/s there estimates the factor by which semp-go's one-core figures would move on this
 * machine. {@code bench/core-bench.sh} prints that factor beside the figures. (The anchors' JDK rows
 * do not serve: their ChaCha20-Poly1305 and ML-KEM speeds need AVX-512 intrinsics that a machine
 * without AVX-512 lacks.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MachineAnchorBenchmark {
    /** BouncyCastle's ops/s for the two calls on the anchors' machine (PERF-ANCHORS.md). */
    public static final double ANCHOR_VERIFY = 0.69 * 19_262;
    public static final double ANCHOR_X25519 = 1.05 * 11_084;

    private final byte[] message = new byte[256];
    private final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    private final byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    private final byte[] scalar = new byte[X25519.SCALAR_SIZE];
    private final byte[] point = new byte[X25519.POINT_SIZE];
    private final byte[] shared = new byte[X25519.POINT_SIZE];

    @Setup
    public void setUp() {
        Random r = new Random(19_262);
        byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
        r.nextBytes(seed);
        r.nextBytes(message);
        r.nextBytes(scalar);
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
        byte[] other = new byte[X25519.SCALAR_SIZE];
        r.nextBytes(other);
        X25519.scalarMultBase(other, 0, point, 0);
    }

    @Benchmark
    public boolean bouncyCastleEd25519Verify256() {
        if (!Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length)) {
            throw new IllegalStateException("the signature made in setUp does not verify");
        }
        return true;
    }

    @Benchmark
    public byte[] bouncyCastleX25519Agreement() {
        X25519.calculateAgreement(scalar, 0, point, 0, shared, 0);
        return shared;
    }
}
