package sempgw.agent;

/**
 * What the queue records about a message {@link SempToMime} wrote: whether its body has 8-bit
 * bytes (RFC 6152 {@code BODY=8BITMIME}) and whether its header has UTF-8 (RFC 6531
 * {@code SMTPUTF8}), so onward delivery asks the next hop for what the content needs.
 *
 * @param eightBitBody a body byte above 0x7F
 * @param utf8Header a header byte above 0x7F
 */
public record MessageTraits(boolean eightBitBody, boolean utf8Header) {

    /** The traits of {@code message} (CRLF line ends). */
    public static MessageTraits of(byte[] message) {
        int bodyStart = message.length;
        for (int i = 0; i + 3 < message.length; i++) {
            if (message[i] == '\r' && message[i + 1] == '\n' && message[i + 2] == '\r' && message[i + 3] == '\n') {
                bodyStart = i + 4;
                break;
            }
        }
        return new MessageTraits(high(message, bodyStart, message.length), high(message, 0, bodyStart));
    }

    private static boolean high(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return true;
            }
        }
        return false;
    }
}
