/**
 * SEMP protocol core: the reason-code registry, the exception that carries a code, the message
 * types SEMP 1.x defines, timestamps, the clock tolerance they are checked with
 * ({@code ClockTolerance}), and the judgement whether this machine's clock can be trusted to check
 * them at all ({@code ClockState}).
 *
 * <p>Everything under {@code sempgw.core} is pure: no sockets, no files, no threads, no clocks
 * (time is passed in). Sub-packages follow the spec documents: {@code json} (canonical JSON),
 * {@code crypto} (suites and primitives), {@code keys} (typed keys and key records), then the
 * envelope, handshake and session layers built on them.
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>ERRORS.md §2-§4 (handshake, envelope, rekey reason codes), §5 (user policy codes)</li>
 *   <li>ERRORS.md §15.2 (unknown codes are non-recoverable), §15.3 (case-sensitive matching)</li>
 *   <li>VECTORS.md §8 (reason-code recoverability vectors)</li>
 *   <li>CONFORMANCE.md §9.1.4 (unknown optional message types)</li>
 *   <li>CONFORMANCE.md §9.3.1, §9.3.6 (clock tolerance for every timestamp: {@code ClockTolerance})</li>
 *   <li>CONFORMANCE.md §9.3.5 (fail closed on an undetectable clock state)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * None at this level; see the sub-packages.
 *
 * <h2>Security</h2>
 * Talks to nothing. Holds no secrets. Reason texts are for operators; callers must never
 * parse them (ERRORS.md §15.1).
 */
package sempgw.core;
