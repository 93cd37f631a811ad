/**
 * The {@code semp-gateway} command line (picocli): {@code run}, {@code check-config},
 * {@code config [--defaults]} (like {@code postconf}/{@code postconf -d}), {@code dns-records}
 * (the SRV, TXT and TLSA records to publish for {@code semp.domain}) and
 * {@code queue list|show|hold|release|flush|delete} (like {@code mailq}, {@code postqueue},
 * {@code postsuper}), which talk to the running gateway over its control socket. Exit codes
 * follow sysexits(3): 64 usage, 69 no gateway, 70 start-up failure, 78 configuration error.
 *
 * <p><b>Standards:</b> RFC 1035 §5 (zone-file syntax of {@code dns-records}); otherwise those of the commands' targets.
 *
 * <p><b>Security:</b> reads the configuration file and talks only to the local control socket;
 * prints envelopes and delivery status, never message content or keys;
 * {@code dns-records} creates the domain keys if missing and prints public fingerprints and
 * signatures only.
 */
package sempgw.app.cli;
