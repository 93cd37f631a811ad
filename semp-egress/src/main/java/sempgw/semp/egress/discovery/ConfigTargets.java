package sempgw.semp.egress.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a domain's configuration document from its targets in order, stopping at the first
 * valid one (DISCOVERY.md §2.3, §5.5). A document with a lower revision than one already accepted
 * for the domain is refused and the next target is tried (DISCOVERY.md §3.5.1: "MAY retry via a
 * different transport"). At most {@code maxTargets} are asked, to bound the delay.
 */
final class ConfigTargets {

    /** The outcome over all targets tried. */
    sealed interface Outcome {
        record Found(SempConfiguration configuration, ServerTarget host) implements Outcome {
        }

        /**
         * Every target failed; {@code failure} has all details and the first (most preferred)
         * target's error, or {@code VERSION_UNSUPPORTED} when every target served a document of
         * another major version: one that did not answer may still speak ours.
         */
        record Failed(ConfigFetch.Failed failure) implements Outcome {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ConfigTargets.class);

    private final ConfigurationSource source;
    private final SempHistory history;
    private final int maxTargets;

    ConfigTargets(ConfigurationSource source, SempHistory history, int maxTargets) {
        this.source = source;
        this.history = history;
        this.maxTargets = maxTargets;
    }

    Outcome fetch(DomainName domain, List<ServerTarget> ordered) {
        List<ConfigFetch.Failed> failures = new ArrayList<>();
        for (ServerTarget target : ordered.subList(0, Math.min(maxTargets, ordered.size()))) {
            switch (source.fetch(target, domain.ascii())) {
                case ConfigFetch.Fetched f -> {
                    OptionalLong highest = history.highestRevision(domain.ascii());
                    if (highest.isPresent() && f.configuration().revision() < highest.getAsLong()) {
                        log.warn("discovery {}: {} serves revision {} below the accepted {}; refused as a rollback (DISCOVERY.md §3.5.1)",
                                domain, target.authority(), f.configuration().revision(), highest.getAsLong());
                        failures.add(new ConfigFetch.Failed(ConfigError.REVISION_ROLLBACK, target.authority() + ": revision "
                                + f.configuration().revision() + " < " + highest.getAsLong()));
                    } else {
                        return new Outcome.Found(f.configuration(), target);
                    }
                }
                case ConfigFetch.Failed f -> failures.add(f);
            }
        }
        ConfigFetch.Failed first = failures.stream().filter(f -> f.error() != ConfigError.VERSION_UNSUPPORTED).findFirst()
                .orElse(failures.getFirst());
        String detail = String.join("; ", failures.stream().map(f -> f.error() + " " + f.detail()).toList());
        return new Outcome.Failed(new ConfigFetch.Failed(first.error(), detail));
    }
}
