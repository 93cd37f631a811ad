/**
 * The {@code semp-gateway} command line (picocli): {@code run}, {@code check-config},
 * {@code config [--defaults]} (like {@code postconf}/{@code postconf -d}) and
 * {@code queue list|show|hold|release|flush|delete} (like {@code mailq}, {@code postqueue},
 * {@code postsuper}), which talk to the running gateway over its control socket. Exit codes
 * follow sysexits(3): 64 usage, 69 no gateway, 70 start-up failure, 78 configuration error.
 *
 * <p><b>Standards:</b> none beyond those of the commands' targets.
 *
 * <p><b>Security:</b> reads the configuration file and talks only to the local control socket;
 * prints envelopes and delivery status, never message content or keys.
 */
package sempgw.app.cli;
