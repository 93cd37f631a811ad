package sempgw.semp.egress.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.semp.egress.discovery.DiscoveryFixture.D;
import static sempgw.semp.egress.discovery.DiscoveryFixture.SRV;
import static sempgw.semp.egress.discovery.DiscoveryFixture.cause;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sempgw.core.SempReason;
import sempgw.core.json.JsonNumber;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.semp.egress.discovery.DiscoveryResult.Cause;

/** The discovery flow over an in-process DNS server, with configuration documents from a fake source. */
final class SempDiscoveryTest {

    private static final String TXT_CAP = "v=semp1;s=pq-kyber768-x25519,x25519-chacha20-poly1305;c=h2,ws;mes=26214400";
    private static final String TXT_SEMP2 = "v=semp2;s=x25519-chacha20-poly1305;c=h2";

    @RegisterExtension
    final DiscoveryFixture fixture = new DiscoveryFixture();

    private SempDiscovery discovery() {
        return discovery(DiscoveryConfig.defaults());
    }

    private SempDiscovery discovery(DiscoveryConfig config) {
        return fixture.discovery(config, 11, Optional.empty());
    }

    /** The fixture's SEMP domain, with a capability record too. */
    private void sempDomain(long revision) {
        fixture.sempDomain(revision);
        fixture.dns().txt(SRV, TXT_CAP, 3600);
    }

    @Test
    void discover_srvTxtAndDocument_sempWithOrderedTargets() {
        fixture.dns().srv(SRV, 10, 50, 443, "semp-east.example.com", 3600).srv(SRV, 10, 50, 443, "semp-west.example.com", 3600)
                .srv(SRV, 20, 100, 8443, "semp-backup.example.com", 3600)
                .txt(SRV, TXT_CAP, 3600).txt("_semp.example.com", "v=semp1;handshake-ttl=600;min-ttl=60;max-ttl=7200", 3600);
        for (String host : List.of("semp-east.example.com:443", "semp-west.example.com:443", "semp-backup.example.com:8443")) {
            fixture.configs().serve(host, TestConfigs.document(D, 17, 3600));
        }
        DiscoveryResult r = discovery().discover("Example.COM");
        assertThat(r).isInstanceOfSatisfying(DiscoveryResult.Semp.class, s -> {
            assertThat(s.targets()).hasSize(3);
            assertThat(s.targets().subList(0, 2)).extracting(ServerTarget::host)
                    .containsExactlyInAnyOrder("semp-east.example.com", "semp-west.example.com");
            assertThat(s.targets().get(2)).isEqualTo(new ServerTarget("semp-backup.example.com", 8443, 20, 100));
            assertThat(s.configurationHost()).isEqualTo(s.targets().getFirst());
            assertThat(s.configuration().revision()).isEqualTo(17);
            assertThat(s.capability()).hasValueSatisfying(c -> assertThat(c.transports()).containsExactly("h2", "ws"));
            assertThat(s.sessionTtl().handshakeTtl()).isEqualTo(Duration.ofSeconds(600));
            assertThat(s.discrepancies()).isEmpty();
            assertThat(s.maxEnvelopeSize()).isEqualTo(26_214_400);
        });
        assertThat(fixture.configs().calls()).hasSize(1);
    }

    @Test
    void discover_firstTargetDown_secondTargetServes() {
        fixture.dns().srv(SRV, 10, 10, 443, "a.example.com", 3600).srv(SRV, 20, 10, 443, "b.example.com", 3600);
        fixture.configs().fail("a.example.com:443", ConfigError.UNREACHABLE).serve("b.example.com:443", TestConfigs.document(D, 1, 3600));
        DiscoveryResult r = discovery().discover(D);
        assertThat(r).isInstanceOfSatisfying(DiscoveryResult.Semp.class,
                s -> assertThat(s.configurationHost().host()).isEqualTo("b.example.com"));
        assertThat(fixture.configs().calls()).containsExactly("a.example.com:443", "b.example.com:443");
    }

    @Test
    void discover_srvPresentButConfigurationUnreachable_temporaryNeverLegacy() {
        sempDomain(1);
        fixture.configs().fail("semp.example.com:443", ConfigError.UNREACHABLE);
        DiscoveryResult r = discovery().discover(D);
        assertThat(cause(r)).isEqualTo(Cause.CONFIG_UNREACHABLE);
        assertThat(((DiscoveryResult.Temporary) r).reason()).isEqualTo(SempReason.SERVER_UNAVAILABLE);
        assertThat(fixture.dns().queries(D)).as("no MX lookup once SEMP is signalled").isZero();
        assertThat(fixture.configs().calls()).containsExactly("semp.example.com:443");
    }

    @ParameterizedTest
    @EnumSource(ConfigError.class)
    void discover_srvPresentAndAnyConfigurationFailure_temporary(ConfigError error) {
        sempDomain(1);
        fixture.configs().fail("semp.example.com:443", error);
        Cause expected = switch (error) {
            case UNREACHABLE, TIMEOUT, NOT_FOUND, HTTP_STATUS -> Cause.CONFIG_UNREACHABLE;
            case TLS -> Cause.CONFIG_TLS;
            case REVISION_ROLLBACK -> Cause.CONFIG_ROLLBACK;
            default -> Cause.CONFIG_INVALID;
        };
        assertThat(cause(discovery().discover(D))).isEqualTo(expected);
    }

    @Test
    void discover_targetsBeyondTheLimit_notTried() {
        for (int i = 0; i < 5; i++) {
            fixture.dns().srv(SRV, i, 10, 443, "s" + i + ".example.com", 3600);
        }
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.CONFIG_UNREACHABLE);
        assertThat(fixture.configs().calls()).containsExactly("s0.example.com:443", "s1.example.com:443", "s2.example.com:443");
    }

    @Test
    void discover_capabilityTxtWithoutSrv_documentFromTheDomainItself() {
        fixture.dns().txt(SRV, TXT_CAP, 3600);
        fixture.configs().serve("example.com:443", TestConfigs.document(D, 2, 3600));
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.Semp.class,
                s -> assertThat(s.targets()).containsExactly(new ServerTarget(D, 443, 0, 0)));
    }

    @Test
    void discover_capabilityTxtWithoutSrvAndNoDocument_temporary() {
        fixture.dns().txt(SRV, TXT_CAP, 3600).mx(D, 10, "mx.example.com", 3600);
        fixture.configs().fail("example.com:443", ConfigError.NOT_FOUND);
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.CONFIG_UNREACHABLE);
    }

    @Test
    void discover_noSempRecordsWithMx_legacyAfterTheWellKnownProbe() {
        fixture.dns().mx(D, 10, "mx.example.com", 3600);
        fixture.configs().fail("example.com:443", ConfigError.NOT_FOUND);
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.Legacy.class,
                l -> assertThat(l.detail()).contains("mx.example.com"));
        assertThat(fixture.configs().calls()).containsExactly("example.com:443");
    }

    @Test
    void discover_wellKnownFallbackOff_noProbe() {
        fixture.dns().mx(D, 10, "mx.example.com", 3600);
        assertThat(discovery(DiscoveryConfig.defaults().withWellKnownFallback(false)).discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
        assertThat(fixture.configs().calls()).isEmpty();
    }

    @Test
    void discover_noSempRecordsButWellKnownDocument_semp() {
        fixture.dns().mx(D, 10, "mx.example.com", 3600);
        fixture.configs().serve("example.com:443", TestConfigs.document(D, 4, 3600));
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.Semp.class, s -> {
            assertThat(s.configurationHost()).isEqualTo(new ServerTarget(D, 443, 0, 0));
            assertThat(s.capability()).isEmpty();
            assertThat(s.sessionTtl()).isEqualTo(SessionTtl.DEFAULT);
        });
    }

    @ParameterizedTest
    @EnumSource(value = ConfigError.class, names = {"INVALID", "DOMAIN_MISMATCH"})
    void discover_noSempRecordsButBrokenSempDocumentAtWellKnown_temporary(ConfigError error) {
        fixture.dns().mx(D, 10, "mx.example.com", 3600);
        fixture.configs().fail("example.com:443", error);
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.CONFIG_INVALID);
    }

    @ParameterizedTest
    @EnumSource(value = ConfigError.class, names = {"UNREACHABLE", "TIMEOUT", "TLS", "HTTP_STATUS", "TOO_LARGE", "MALFORMED", "NOT_SEMP"})
    void discover_noSempRecordsAndNoSempAtWellKnown_legacy(ConfigError error) {
        fixture.dns().mx(D, 10, "mx.example.com", 3600);
        fixture.configs().fail("example.com:443", error);
        assertThat(discovery().discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
    }

    @Test
    void discover_noMxButAddressRecords_legacyByImplicitMx() {
        fixture.dns().a(D, "192.0.2.1", 3600);
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.Legacy.class,
                l -> assertThat(l.detail()).contains("implicit MX"));
        fixture.dns().clear(D).aaaa(D, "2001:db8::1", 3600);
        assertThat(discovery().discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
    }

    @Test
    void discover_existingNameWithoutMailRecords_notFound() {
        fixture.dns().txt(D, "v=spf1 -all", 3600);
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.NotFound.class,
                n -> assertThat(n.detail()).contains("no MX, A or AAAA"));
    }

    @Test
    void discover_nxDomain_notFound() {
        assertThat(discovery().discover("gone.example.com")).isInstanceOfSatisfying(DiscoveryResult.NotFound.class,
                n -> assertThat(n.detail()).contains("NXDOMAIN"));
    }

    @Test
    void discover_nullMx_notFound() {
        fixture.dns().mx(D, 0, ".", 3600).a(D, "192.0.2.1", 3600);
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.NotFound.class,
                n -> assertThat(n.detail()).contains("null MX"));
    }

    @Test
    void discover_srvServfail_temporaryEvenThoughMxExists() {
        fixture.dns().mx(D, 10, "mx.example.com", 3600).servfail(SRV);
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.DNS_FAILURE);
        assertThat(fixture.configs().calls()).isEmpty();
    }

    @Test
    void discover_srvTimeout_temporaryEvenThoughMxExists() {
        fixture.dns().mx(D, 10, "mx.example.com", 3600).silent(SRV);
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.DNS_TIMEOUT);
    }

    @Test
    void discover_sessionTxtServfail_temporary() {
        sempDomain(1);
        fixture.dns().servfail("_semp.example.com");
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.DNS_FAILURE);
    }

    @Test
    void discover_mxServfailOrTimeout_temporary() {
        fixture.dns().servfail(D);
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.DNS_FAILURE);
        fixture.dns().clear(D).txt(D, "v=spf1 -all", 60).silent(D);
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.DNS_TIMEOUT);
    }

    @Test
    void discover_srvTargetDot_optedOutToLegacyWithoutFetching() {
        fixture.dns().srv(SRV, 0, 0, 0, ".", 3600).mx(D, 10, "mx.example.com", 3600);
        assertThat(discovery().discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
        assertThat(fixture.configs().calls()).isEmpty();
    }

    @Test
    void discover_sempDomainLosesItsRecords_pinnedThenLegacyAfterThePin() {
        sempDomain(1);
        SempDiscovery discovery = discovery();
        assertThat(discovery.discover(D)).isInstanceOf(DiscoveryResult.Semp.class);
        fixture.recordsGone();
        discovery.invalidate(D);
        assertThat(cause(discovery.discover(D))).isEqualTo(Cause.PINNED);
        fixture.clock().advance(DiscoveryConfig.defaults().pinDuration().plusSeconds(1));
        assertThat(discovery.discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
    }

    @Test
    void discover_pinnedDomainOptsOutWithSrvDot_legacyAtOnce() {
        sempDomain(1);
        SempDiscovery discovery = discovery();
        assertThat(discovery.discover(D)).isInstanceOf(DiscoveryResult.Semp.class);
        fixture.dns().clear(SRV).srv(SRV, 0, 0, 0, ".", 3600);
        discovery.invalidate(D);
        assertThat(discovery.discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
        fixture.dns().clear(SRV);
        discovery.invalidate(D);
        assertThat(discovery.discover(D)).as("the opt-out cleared the pin").isInstanceOf(DiscoveryResult.Legacy.class);
    }

    @Test
    void discover_pinningDisabled_legacyOnceRecordsAreGone() {
        sempDomain(1);
        SempDiscovery discovery = discovery(DiscoveryConfig.defaults().withPinDuration(Duration.ZERO));
        assertThat(discovery.discover(D)).isInstanceOf(DiscoveryResult.Semp.class);
        fixture.dns().clear(SRV);
        discovery.invalidate(D);
        assertThat(discovery.discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
    }

    @Test
    void discover_lowerRevisionThanAccepted_refusedAsRollback() {
        sempDomain(17);
        SempDiscovery discovery = discovery();
        assertThat(discovery.discover(D)).isInstanceOf(DiscoveryResult.Semp.class);
        fixture.configs().serve("semp.example.com:443", TestConfigs.document(D, 16, 3600));
        discovery.invalidate(D);
        assertThat(cause(discovery.discover(D))).isEqualTo(Cause.CONFIG_ROLLBACK);
        fixture.configs().serve("semp.example.com:443", TestConfigs.document(D, 18, 3600));
        assertThat(discovery.discover(D)).isInstanceOfSatisfying(DiscoveryResult.Semp.class,
                s -> assertThat(s.configuration().revision()).isEqualTo(18));
    }

    @Test
    void discover_rollbackOnOneTarget_nextTargetTried() {
        fixture.dns().srv(SRV, 10, 10, 443, "a.example.com", 3600).srv(SRV, 20, 10, 443, "b.example.com", 3600);
        fixture.configs().serve("a.example.com:443", TestConfigs.document(D, 9, 3600));
        SempDiscovery discovery = discovery();
        assertThat(discovery.discover(D)).isInstanceOf(DiscoveryResult.Semp.class);
        fixture.configs().serve("a.example.com:443", TestConfigs.document(D, 8, 3600))
                .serve("b.example.com:443", TestConfigs.document(D, 9, 3600));
        discovery.invalidate(D);
        assertThat(discovery.discover(D)).isInstanceOfSatisfying(DiscoveryResult.Semp.class,
                s -> assertThat(s.configurationHost().host()).isEqualTo("b.example.com"));
    }

    @Test
    void discover_onionV3_temporaryWithoutAnyDnsQuery() {
        DiscoveryResult r = discovery().discover("pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion");
        assertThat(cause(r)).isEqualTo(Cause.TOR_UNAVAILABLE);
        assertThat(fixture.dns().queries()).isZero();
        assertThat(fixture.configs().calls()).isEmpty();
    }

    @Test
    void discover_onionV2OrInvalidDomain_notFoundWithoutAnyQuery() {
        assertThat(discovery().discover("expyuzz4wqqyqhjn.onion")).isInstanceOf(DiscoveryResult.NotFound.class);
        assertThat(discovery().discover("not a domain")).isInstanceOf(DiscoveryResult.NotFound.class);
        assertThat(fixture.dns().queries()).isZero();
    }

    @Test
    void discover_dnsAndDocumentDisagree_flaggedAndSmallerLimitApplies() {
        fixture.dns().srv(SRV, 10, 10, 443, "semp.example.com", 3600).txt(SRV, "v=semp1;s=x25519-chacha20-poly1305;c=h2;mes=1000", 3600);
        fixture.configs().serve("semp.example.com:443", TestConfigs.document(D, 1, 3600));
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.Semp.class, s -> {
            assertThat(s.discrepancies()).hasSize(3);
            assertThat(s.maxEnvelopeSize()).isEqualTo(1000);
        });
    }

    @Test
    void discover_capabilityTxtSplitIntoStrings_joined() {
        fixture.dns().srv(SRV, 10, 10, 443, "semp.example.com", 3600)
                .txtStrings(SRV, List.of("v=semp1;s=pq-kyber768-x25519,x25519-", "chacha20-poly1305;c=h2,ws;mes=26214400"), 3600);
        fixture.configs().serve("semp.example.com:443", TestConfigs.document(D, 1, 3600));
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.Semp.class, s -> {
            assertThat(s.capability()).hasValueSatisfying(c -> assertThat(c.problems()).isEmpty());
            assertThat(s.discrepancies()).isEmpty();
        });
    }

    @Test
    void discover_twoDifferentCapabilityRecords_bothIgnoredAndFlagged() {
        fixture.dns().srv(SRV, 10, 10, 443, "semp.example.com", 3600).txt(SRV, TXT_CAP, 3600)
                .txt(SRV, "v=semp1;s=x25519-chacha20-poly1305;c=h2", 3600);
        fixture.configs().serve("semp.example.com:443", TestConfigs.document(D, 1, 3600));
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.Semp.class, s -> {
            assertThat(s.capability()).isEmpty();
            assertThat(s.discrepancies()).singleElement().asString().contains("2 different v=semp1 records");
        });
    }

    @Test
    void discover_documentTtlBelowMinimum_usedAsSixtySeconds() {
        fixture.dns().srv(SRV, 10, 10, 443, "semp.example.com", 3600);
        fixture.configs().serve("semp.example.com:443", TestConfigs.document(D, 1, 3600).with("ttl_seconds", JsonNumber.of(1)));
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.Semp.class,
                s -> assertThat(s.configuration().ttl()).isEqualTo(Duration.ofSeconds(60)));
    }

    /** A configuration document like the fixture's, of SEMP 2.0.0. */
    private static JsonObject version2(long revision) {
        return TestConfigs.document(D, revision, 3600).with("version", JsonString.of("2.0.0"));
    }

    @Test
    void discover_txtDeclaresOnlySemp2AndMx_otherMajorWithSmtp_cachedWithoutFetching() {
        fixture.dns().txt(SRV, TXT_SEMP2, 600).mx(D, 10, "mx.example.com", 3600);
        SempDiscovery discovery = discovery();
        assertThat(discovery.discover(D)).isInstanceOfSatisfying(DiscoveryResult.OtherMajor.class, o -> {
            assertThat(o.declared()).isEqualTo("TXT _semp._tcp.example.com v=semp2");
            assertThat(o.acceptsSmtp()).isTrue();
            assertThat(o.detail()).isEqualTo("MX 10 mx.example.com");
        });
        int queries = fixture.dns().queries();
        assertThat(discovery.discover(D)).as("cached").isInstanceOf(DiscoveryResult.OtherMajor.class);
        assertThat(fixture.dns().queries()).isEqualTo(queries);
        assertThat(fixture.configs().calls()).as("no well-known probe: the TXT names the major").isEmpty();
        assertThat(Discoveries.cacheTtl(discovery.discover(D), OptionalLong.empty(), Duration.ofDays(7)))
                .isEqualTo(Discoveries.OTHER_MAJOR_DEFAULT_TTL);
    }

    @Test
    void discover_srvAndOnlySemp2Txt_otherMajorWithoutFetching() {
        fixture.dns().srv(SRV, 10, 10, 443, "semp.example.com", 3600).txt(SRV, TXT_SEMP2, 3600).a(D, "192.0.2.1", 3600);
        fixture.configs().serve("semp.example.com:443", version2(1));
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.OtherMajor.class, o -> {
            assertThat(o.acceptsSmtp()).isTrue();
            assertThat(o.detail()).contains("implicit MX");
        });
        assertThat(fixture.configs().calls()).isEmpty();
    }

    @Test
    void discover_srvWithoutTxtAndDocumentOfVersion2_otherMajorNamingTheVersion() {
        fixture.dns().srv(SRV, 10, 10, 443, "semp.example.com", 3600).mx(D, 10, "mx.example.com", 3600);
        fixture.configs().serve("semp.example.com:443", version2(1));
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.OtherMajor.class, o -> {
            assertThat(o.declared()).contains("VERSION_UNSUPPORTED", "2.0.0");
            assertThat(o.acceptsSmtp()).isTrue();
        });
    }

    @Test
    void discover_noSempRecordsAndDocumentOfVersion2AtWellKnown_otherMajor() {
        fixture.dns().mx(D, 10, "mx.example.com", 3600);
        fixture.configs().serve("example.com:443", version2(1));
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.OtherMajor.class,
                o -> assertThat(o.acceptsSmtp()).isTrue());
    }

    @Test
    void discover_onlySemp2AndNoMailRecords_otherMajorWithoutSmtp() {
        fixture.dns().txt(SRV, TXT_SEMP2, 3600).txt(D, "v=spf1 -all", 3600);
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.OtherMajor.class, o -> {
            assertThat(o.acceptsSmtp()).isFalse();
            assertThat(o.detail()).contains("no MX, A or AAAA");
        });
    }

    @Test
    void discover_onlySemp2ButMxServfail_temporaryNeverSmtp() {
        fixture.dns().txt(SRV, TXT_SEMP2, 3600).servfail(D);
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.DNS_FAILURE);
    }

    @Test
    void discover_semp1AndSemp2Published_oursIsUsed() {
        fixture.dns().srv(SRV, 10, 10, 443, "semp.example.com", 3600).txt(SRV, TXT_SEMP2, 3600).txt(SRV, TXT_CAP, 3600)
                .txt("_semp.example.com", "v=semp2;handshake-ttl=60", 3600);
        fixture.configs().serve("semp.example.com:443", TestConfigs.document(D, 3, 3600));
        assertThat(discovery().discover(D)).isInstanceOfSatisfying(DiscoveryResult.Semp.class, s -> {
            assertThat(s.capability()).hasValueSatisfying(c -> assertThat(c.transports()).containsExactly("h2", "ws"));
            assertThat(s.sessionTtl()).isEqualTo(SessionTtl.DEFAULT);
            assertThat(s.discrepancies()).isEmpty();
        });
    }

    @Test
    void discover_semp1TxtButDocumentOfVersion2_temporaryAsABrokenDocument() {
        sempDomain(1);
        fixture.configs().serve("semp.example.com:443", version2(1));
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.CONFIG_INVALID);
    }

    @Test
    void discover_oneTargetOfVersion2AndTheOtherUnreachable_temporary() {
        fixture.dns().srv(SRV, 10, 10, 443, "a.example.com", 3600).srv(SRV, 20, 10, 443, "b.example.com", 3600)
                .mx(D, 10, "mx.example.com", 3600);
        fixture.configs().serve("a.example.com:443", version2(1)).fail("b.example.com:443", ConfigError.UNREACHABLE);
        assertThat(cause(discovery().discover(D))).isEqualTo(Cause.CONFIG_UNREACHABLE);
        fixture.configs().serve("b.example.com:443", version2(1));
        assertThat(discovery().discover(D)).as("every target speaks 2").isInstanceOf(DiscoveryResult.OtherMajor.class);
    }

    @Test
    void discover_pinnedDomainNowDeclaresOnlySemp2_pinnedThenOtherMajorAfterThePin() {
        sempDomain(1);
        SempDiscovery discovery = discovery();
        assertThat(discovery.discover(D)).isInstanceOf(DiscoveryResult.Semp.class);
        fixture.dns().clear(SRV).txt(SRV, TXT_SEMP2, 3600);
        discovery.invalidate(D);
        DiscoveryResult pinned = discovery.discover(D);
        assertThat(cause(pinned)).isEqualTo(Cause.PINNED);
        assertThat(((DiscoveryResult.Temporary) pinned).detail()).contains("pinned until", "another SEMP major", "v=semp2");
        fixture.dns().clear(SRV).srv(SRV, 10, 10, 443, "semp.example.com", 3600);
        fixture.configs().serve("semp.example.com:443", version2(2));
        discovery.invalidate(D);
        assertThat(cause(discovery.discover(D))).as("nor by a document of version 2 behind SRV alone").isEqualTo(Cause.PINNED);
        fixture.clock().advance(DiscoveryConfig.defaults().pinDuration().plusSeconds(1));
        assertThat(discovery.discover(D)).isInstanceOf(DiscoveryResult.OtherMajor.class);
    }
}
