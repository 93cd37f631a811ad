package sempgw.app.config;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * An IP network in CIDR form ({@code 10.0.0.0/8}, {@code ::1/128}); a bare address is a
 * single host. Used for {@code smtp.relay_networks}. Host bits must be zero, so a typo such
 * as {@code 10.1.2.3/8} is caught at start-up instead of silently widening the relay.
 */
public record Network(InetAddress address, int prefixLength) {
    static final String ALLOWED = "an IP network in CIDR form with host bits zero, for example 10.0.0.0/8 or ::1/128";

    public Network {
        int bits = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException(ALLOWED);
        }
    }

    /** @throws IllegalArgumentException if the text is not in the documented form */
    public static Network parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        try {
            InetAddress address = InetAddress.ofLiteral(slash < 0 ? s : s.substring(0, slash));
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(s.substring(slash + 1));
            Network network = new Network(address, prefix);
            if (!network.contains(address) || !Arrays.equals(network.masked(address.getAddress()), address.getAddress())) {
                throw new IllegalArgumentException(ALLOWED);
            }
            return network;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ALLOWED);
        }
    }

    /** Whether {@code candidate} lies in this network (an IPv4 address never matches an IPv6 network). */
    public boolean contains(InetAddress candidate) {
        byte[] c = candidate.getAddress();
        return c.length == address.getAddress().length && Arrays.equals(masked(c), masked(address.getAddress()));
    }

    private byte[] masked(byte[] bytes) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.clamp(prefixLength - i * 8L, 0, 8);
            out[i] &= (byte) (0xFF << (8 - keep));
        }
        return out;
    }

    @Override
    public String toString() {
        return IpLiterals.format(address) + "/" + prefixLength;
    }
}
