package sempgw.app.semp;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import sempgw.app.config.SempConfig;
import sempgw.app.keys.DomainKeys;
import sempgw.core.crypto.RandomSource;
import sempgw.core.handshake.Capabilities;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.handshake.LocalDomain;
import sempgw.semp.ingress.federation.BlockList;
import sempgw.semp.ingress.federation.EnvelopeReceiver;
import sempgw.semp.ingress.federation.FederationConfig;
import sempgw.semp.ingress.federation.FederationLimits;

/**
 * The federation responder's configuration from {@code [semp]}: our domain, server id and
 * signing key; the suites and envelope limit we accept (HANDSHAKE.md §6.4); {@code semp.block}
 * as domain entries answered {@code blocked} or with silence (DELIVERY.md §5.2);
 * {@code semp.sessions.max}; and {@code semp.handshake.pow_difficulty} (HANDSHAKE.md §2.2a) when
 * not zero. Peer keys, domain-proof verification and the receive pipeline are injected.
 */
public final class SempFederation {
    private SempFederation() {
    }

    public static FederationConfig config(SempConfig semp, DomainKeys keys, DomainKeyLookup peerKeys, DomainProofVerifier proofs,
            EnvelopeReceiver receiver) {
        FederationConfig base = FederationConfig.of(new LocalDomain(keys.domain(), semp.serverId(), keys.signing()), peerKeys, proofs,
                RandomSource.secure(), receiver);
        Capabilities accepted = new Capabilities(semp.suites(), List.of(), OptionalLong.of(semp.maxEnvelopeSize()), OptionalLong.empty());
        FederationConfig c = new FederationConfig(base.local(), accepted, base.policy(), base.sessionTtl(), peerKeys, proofs,
                base.proofOfWork(), blockList(semp), FederationLimits.DEFAULTS.withMaxSessions(semp.sessions().max()), base.random(), receiver);
        return semp.handshake().powDifficulty() == 0 ? c : c.withProofOfWork(semp.handshake().powDifficulty());
    }

    /** {@code semp.block.domains} answered {@code blocked}, {@code semp.block.silent_domains} answered with nothing. */
    static BlockList blockList(SempConfig semp) {
        List<BlockList.Entry> entries = new ArrayList<>();
        semp.block().domains().forEach(d -> entries.add(BlockList.Entry.of(BlockList.Target.DOMAIN, d, BlockList.Acknowledgment.REJECTED)));
        semp.block().silentDomains().forEach(d -> entries.add(BlockList.Entry.of(BlockList.Target.DOMAIN, d, BlockList.Acknowledgment.SILENT)));
        return new BlockList(entries);
    }
}
