package sempgw.e2e.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The records {@code semp-gateway dns-records} prints (zone-file syntax, RFC 1035 §5.1) turned
 * into dnsmasq configuration lines, so the test DNS serves exactly what an operator would
 * publish: SRV as {@code srv-host}, TXT as {@code txt-record} (each character-string quoted),
 * TLSA (type 52, RFC 6698 §2) as {@code dns-rr} with its RDATA in hex.
 */
public final class ZoneRecords {
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ZoneRecords() {
    }

    /** One dnsmasq line per record; comments and blank lines are skipped, an unknown record type is an error. */
    public static List<String> dnsmasqLines(String zone) {
        List<String> lines = new ArrayList<>();
        for (String raw : zone.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            String[] f = line.split("\\s+", 5);
            if (f.length < 5 || !f[2].equalsIgnoreCase("IN")) {
                throw new IllegalArgumentException("not a record \"name ttl IN type data\": " + line);
            }
            String name = relative(f[0]);
            String data = f[4];
            switch (f[3].toUpperCase(Locale.ROOT)) {
                case "SRV" -> {
                    String[] s = data.split("\\s+");
                    lines.add("srv-host=" + name + "," + relative(s[3]) + "," + s[2] + "," + s[0] + "," + s[1]);
                }
                case "TXT" -> {
                    List<String> strings = new ArrayList<>();
                    Matcher m = QUOTED.matcher(data);
                    while (m.find()) {
                        strings.add("\"" + m.group(1) + "\"");
                    }
                    lines.add("txt-record=" + name + "," + String.join(",", strings));
                }
                case "TLSA" -> {
                    String[] t = data.split("\\s+");
                    lines.add("dns-rr=" + name + ",52," + String.format("%02x%02x%02x", Integer.parseInt(t[0]), Integer.parseInt(t[1]),
                            Integer.parseInt(t[2])) + t[3].toLowerCase(Locale.ROOT));
                }
                default -> throw new IllegalArgumentException("record type dnsmasq is not given here: " + line);
            }
        }
        return lines;
    }

    private static String relative(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
