package sempgw.semp.ingress.federation;

/** Peer text reduced to printable ASCII, and cut, before it reaches a log line. */
final class Printable {
    private Printable() {
    }

    /** At most 32 characters: message types, reasons. */
    static String of(String peerText) {
        return of(peerText, 32);
    }

    /** Up to a domain name's 253 characters. */
    static String domain(String peerText) {
        return of(peerText, 253);
    }

    private static String of(String peerText, int max) {
        StringBuilder b = new StringBuilder(Math.min(peerText.length(), max));
        for (int i = 0; i < peerText.length() && b.length() < max; i++) {
            char c = peerText.charAt(i);
            b.append(c > 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}
