package sempgw.core.handshake;

import java.io.ByteArrayOutputStream;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * The {@code server_identity_proof.signature} that binds a domain key to a server's own ephemeral
 * contribution (HANDSHAKE.md §2.3, §5.2, §5.5; byte layout per semp-go, SPEC-DIGEST-WIRE §4.2,
 * §4.4): Ed25519 over {@code "SEMP-IDENTITY:" || parts}, where the parts are
 * <ul>
 *   <li>response (client and federation): {@code ephemeral_key_bytes || server_nonce || client_nonce};</li>
 *   <li>federation init: {@code ephemeral_key_bytes || nonce}.</li>
 * </ul>
 * All parts are raw bytes, decoded from their base64 fields.
 */
final class InnerProof {
    private InnerProof() {
    }

    static byte[] sign(DomainSigningPrivateKey key, byte[]... parts) {
        return key.sign(SignatureContext.IDENTITY, concat(parts));
    }

    static boolean verify(DomainSigningPublicKey key, byte[] signature, byte[]... parts) {
        return key.verify(SignatureContext.IDENTITY, concat(parts), signature);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
