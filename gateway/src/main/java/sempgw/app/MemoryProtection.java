package sempgw.app;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the process's memory, and with it the session keys and the private keys in use, out of
 * swap and out of core dumps (SESSION.md §5.1; CONFORMANCE.md §4.3). The keys live in the Java
 * heap, which the collector moves, so no single region can be locked: the whole process is.
 *
 * <ul>
 *   <li>{@code mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)}: every page the process has or
 *   touches later stays in RAM; pages reserved but never touched (most of the heap's reservation)
 *   cost nothing. Needs {@code CAP_IPC_LOCK} or an {@code RLIMIT_MEMLOCK} above the gateway's
 *   resident size (systemd: {@code LimitMEMLOCK=infinity}).</li>
 *   <li>{@code prctl(PR_SET_DUMPABLE, 0)}: no core dump of the process, and no ptrace attach
 *   by other processes of the same user.</li>
 * </ul>
 * A step that fails, or that the platform lacks, is logged as a warning at start naming the keys
 * left unprotected: never silently (CONFORMANCE.md §4.3 MUST NOT).
 */
public final class MemoryProtection {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryProtection.class);

    /** The keys that live in the process's memory while it runs. */
    static final String KEYS = "federation session keys (K_env_mac and the session keys of SESSION.md §2), the domain"
            + " signing and encryption private keys, the mailbox agent's keys and the queue key";

    private static final int MCL_CURRENT = 1;
    private static final int MCL_FUTURE = 2;
    private static final int MCL_ONFAULT = 4;
    private static final int PR_SET_DUMPABLE = 4;
    private static final int PR_GET_DUMPABLE = 3;
    private static final int EPERM = 1;
    private static final int ENOMEM = 12;
    private static final int EINVAL = 22;

    private MemoryProtection() {
    }

    /** What one step did. */
    public sealed interface Outcome {
        /** The step took effect. */
        record Applied() implements Outcome {
        }

        /** The step was tried and failed, or cannot be taken here; {@code why} says which and what to do. */
        record Failed(String why) implements Outcome {
        }

        /** The operator turned the step off. */
        record Off() implements Outcome {
        }
    }

    /**
     * Takes both steps ({@code lockMemory} false skips the lock) and logs each outcome: info when
     * applied, a warning naming the unprotected keys otherwise.
     */
    public static void apply(boolean lockMemory) {
        report("locked into RAM", "could be written to swap", lockMemory ? guarded(MemoryProtection::lockAll) : new Outcome.Off(),
                "lock_memory = false");
        report("excluded from core dumps", "could appear in a core dump", guarded(MemoryProtection::excludeFromCoreDumps), "");
    }

    /** The step's outcome; a failure to make the call at all (no native access, no such function) is a failed step. */
    private static Outcome guarded(Supplier<Outcome> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            return new Outcome.Failed("the system call could not be made: " + e);
        }
    }

    private static void report(String done, String risk, Outcome outcome, String offBy) {
        switch (outcome) {
            case Outcome.Applied a -> LOG.info("process memory {} (SESSION.md §5.1)", done);
            case Outcome.Failed f -> LOG.warn("process memory not {}: {}; unprotected, these {}: {}", done, f.why(), risk, KEYS);
            case Outcome.Off o -> LOG.warn("process memory not {} ({}); unprotected, these {}: {}", done, offBy, risk, KEYS);
        }
    }

    /** {@code mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)}. */
    public static Outcome lockAll() {
        if (!linux()) {
            return new Outcome.Failed("memory locking is implemented for Linux only, this is " + System.getProperty("os.name"));
        }
        return call("mlockall", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), false,
                MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT).fold(errno -> switch (errno) {
                    case ENOMEM -> "mlockall: the memory-lock limit (RLIMIT_MEMLOCK) is below the gateway's size;"
                            + " raise it (systemd: LimitMEMLOCK=infinity) or grant CAP_IPC_LOCK";
                    case EPERM -> "mlockall: not permitted; grant CAP_IPC_LOCK";
                    case EINVAL -> "mlockall: MCL_ONFAULT is not supported by this kernel (Linux 4.4 or later needed)";
                    default -> "mlockall failed (errno " + errno + ")";
                });
    }

    /** {@code prctl(PR_SET_DUMPABLE, 0)}. */
    public static Outcome excludeFromCoreDumps() {
        if (!linux()) {
            return new Outcome.Failed("core-dump exclusion is implemented for Linux only, this is " + System.getProperty("os.name"));
        }
        return prctl(PR_SET_DUMPABLE, 0).fold(errno -> "prctl(PR_SET_DUMPABLE) failed (errno " + errno + ")");
    }

    /** {@code prctl(PR_GET_DUMPABLE)}: 1 when the process may be dumped, 0 when not. */
    static int dumpable() {
        return prctl(PR_GET_DUMPABLE, 0).result();
    }

    /** {@code int prctl(int option, ...)}: variadic, so its further arguments are passed as {@code unsigned long}. */
    private static Result prctl(int option, long arg2) {
        return call("prctl", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), true, option, arg2, 0L, 0L, 0L);
    }

    private static boolean linux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /** A libc call's return value and, when it is -1, its errno. */
    private record Result(int result, int errno) {
        Outcome fold(IntFunction<String> why) {
            return result == -1 ? new Outcome.Failed(why.apply(errno)) : new Outcome.Applied();
        }
    }

    /** Calls the C library's {@code name}, capturing errno; {@code variadic}: all but the first argument are variadic. */
    private static Result call(String name, FunctionDescriptor signature, boolean variadic, Object... args) {
        Linker linker = Linker.nativeLinker();
        StructLayout state = Linker.Option.captureStateLayout();
        VarHandle errno = state.varHandle(MemoryLayout.PathElement.groupElement("errno"));
        Linker.Option capture = Linker.Option.captureCallState("errno");
        MemorySegment function = linker.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("the C library has no " + name));
        MethodHandle f = variadic ? linker.downcallHandle(function, signature, capture, Linker.Option.firstVariadicArg(1))
                : linker.downcallHandle(function, signature, capture);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment captured = arena.allocate(state);
            Object[] all = new Object[args.length + 1];
            all[0] = captured;
            System.arraycopy(args, 0, all, 1, args.length);
            int result = (int) f.invokeWithArguments(all);
            return new Result(result, result == -1 ? (int) errno.get(captured, 0L) : 0);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(name + " could not be called", e);
        }
    }
}
