package sempgw.smtp.ingress.policy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}; a
 * bare address is a host). Parsed from literals only, never through DNS. Host bits set below
 * the prefix are a configuration error, as in Postfix's {@code mynetworks}.
 */
public final class CidrRange {
    private final byte[] network;
    private final int prefix;

    private CidrRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** @throws IllegalArgumentException if {@code cidr} is not an address literal with an optional valid prefix */
    public static CidrRange parse(String cidr) {
        String s = cidr.strip();
        int slash = s.indexOf('/');
        String literal = slash < 0 ? s : s.substring(0, slash);
        InetAddress address = literal.indexOf(':') >= 0 ? Inet6Address.ofLiteral(literal) : ipv4(literal);
        byte[] bytes = address.getAddress();
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("bad prefix length in " + cidr);
            }
            prefix = Integer.parseInt(p);
            if (prefix > bytes.length * 8) {
                throw new IllegalArgumentException("prefix length too long in " + cidr);
            }
        }
        CidrRange range = new CidrRange(mask(bytes, prefix), prefix);
        if (!Arrays.equals(bytes, range.network)) {
            throw new IllegalArgumentException("host bits set in " + cidr + " (the network is " + range + ")");
        }
        return range;
    }

    private static InetAddress ipv4(String literal) {
        if (literal.split("\\.", -1).length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + literal);
        }
        return Inet4Address.ofLiteral(literal);
    }

    /** True if {@code address} lies in this network (IPv4-mapped IPv6 addresses count as IPv4). */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && network.length == 4 && isIpv4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff00 >> keep);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CidrRange c && prefix == c.prefix && Arrays.equals(network, c.network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
