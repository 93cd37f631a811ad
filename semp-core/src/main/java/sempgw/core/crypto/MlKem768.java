package sempgw.core.crypto;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * FIPS 203 ML-KEM-768 as {@link Kyber768Round3} builds on it: encapsulation with a given message
 * {@code m} (ML-KEM.Encaps_internal), decapsulation, and the provider's key object prepared once
 * from a raw 2400-byte decapsulation key.
 *
 * <p>{@link #active()} is the JDK's where the VM runs it with its vector intrinsics (x86-64 with
 * AVX-512: {@code UseAVX} 3), there 1.6-1.7x BouncyCastle's for both operations; elsewhere
 * BouncyCastle's, which is then the faster (docs/benchmarks.md). The JDK's is used only if it
 * agrees with BouncyCastle's on a known answer.
 */
sealed interface MlKem768 permits BcMlKem768, JdkMlKem768 {

    /** The implementation this process uses. */
    static MlKem768 active() {
        return Chosen.ACTIVE;
    }

    /** For the operator's log: {@code BouncyCastle} or {@code the JDK (vector intrinsics)}. */
    String name();

    /**
     * The provider's key for raw decapsulation key {@code rawSk} (already checked), to keep beside
     * it; {@link javax.security.auth.Destroyable}, so it can be zeroed with the key.
     */
    Object prepare(byte[] rawSk) throws CryptoException;

    /** {ciphertext (1088), K (32)} for raw public key {@code pk} (already checked) and message {@code m}. */
    byte[][] encapsulate(byte[] pk, byte[] m) throws CryptoException;

    /** K for {@code ciphertext} under a key from {@link #prepare}; the implicit-rejection value for an invalid one. */
    byte[] decapsulate(Object prepared, byte[] ciphertext) throws CryptoException;

    /** Holds the choice, made on first use. */
    final class Chosen {
        static final MlKem768 ACTIVE = choose();

        private Chosen() {
        }

        private static MlKem768 choose() {
            if (!vectorIntrinsics()) {
                return BcMlKem768.INSTANCE;
            }
            try {
                return agrees(JdkMlKem768.INSTANCE, BcMlKem768.INSTANCE) ? JdkMlKem768.INSTANCE : BcMlKem768.INSTANCE;
            } catch (CryptoException | RuntimeException | LinkageError e) {
                return BcMlKem768.INSTANCE;
            }
        }

        /** Whether HotSpot runs with AVX-512, which its ML-KEM intrinsics on x86-64 need. */
        private static boolean vectorIntrinsics() {
            try {
                HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                return vm != null && Integer.parseInt(vm.getVMOption("UseAVX").getValue()) >= 3;
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        /** Both encapsulate a fixed message to the same bytes, and each decapsulates the other's ciphertext. */
        static boolean agrees(MlKem768 a, MlKem768 b) throws CryptoException {
            byte[][] keys = Kyber768Round3.generate(out -> Arrays.fill(out, (byte) 0x17));
            byte[] m = new byte[32];
            Arrays.fill(m, (byte) 0x5a);
            byte[][] x = a.encapsulate(keys[0], m);
            byte[][] y = b.encapsulate(keys[0], m);
            Object ka = a.prepare(keys[1]);
            Object kb = b.prepare(keys[1]);
            return Arrays.equals(x[0], y[0]) && Arrays.equals(x[1], y[1])
                    && Arrays.equals(a.decapsulate(ka, y[0]), y[1]) && Arrays.equals(b.decapsulate(kb, x[0]), x[1]);
        }
    }
}
