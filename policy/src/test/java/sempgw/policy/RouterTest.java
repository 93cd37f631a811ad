package sempgw.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every cell of the routing table: 3 modes x 6 discovery results x mailbox or not, remote; plus local. */
final class RouterTest {

    private static final DeliveryMode REQUIRED = DeliveryMode.SEMP_REQUIRED;
    private static final DeliveryMode PREFERRED = DeliveryMode.SEMP_PREFERRED;
    private static final DeliveryMode SMTP_ONLY = DeliveryMode.SMTP_ONLY;
    private static final PeerStatus SERVFAIL = PeerStatus.unknown("SERVFAIL for _semp._tcp.peer.example");
    private static final String SEMP2_TXT = "TXT _semp._tcp.peer.example v=semp2";
    /** SEMP of another major only, with MX records; and without any mail record. */
    private static final PeerStatus SEMP2 = PeerStatus.otherMajor(SEMP2_TXT, true);
    private static final PeerStatus SEMP2_NO_SMTP = PeerStatus.otherMajor(SEMP2_TXT, false);

    private static final Route SEMP = new Route.ViaSemp();
    private static final Route DEFER = new Route.Defer(new SmtpStatus(451, "4.4.3",
            "SEMP discovery failed temporarily; not sent in clear, will retry (SERVFAIL for _semp._tcp.peer.example)"));
    private static final Route SEMP2_REQUIRED = new Route.Refuse(Router.OTHER_MAJOR_REQUIRED.withText(
            Router.OTHER_MAJOR_REQUIRED.text() + " (" + SEMP2_TXT + ")"));
    private static final Route SEMP2_NOWHERE = new Route.Refuse(Router.OTHER_MAJOR_NO_SMTP.withText(
            Router.OTHER_MAJOR_NO_SMTP.text() + " (" + SEMP2_TXT + ")"));

    static Stream<Arguments> remoteCells() {
        return Stream.of(
                // semp-required
                cell(REQUIRED, PeerStatus.SEMP, true, SEMP),
                cell(REQUIRED, PeerStatus.SEMP, false, new Route.Refuse(Router.NO_MAILBOX)),
                cell(REQUIRED, PeerStatus.LEGACY, true, new Route.Refuse(Router.LEGACY_REQUIRED)),
                cell(REQUIRED, PeerStatus.LEGACY, false, new Route.Refuse(Router.NO_MAILBOX)),
                cell(REQUIRED, PeerStatus.NO_MAIL, true, new Route.Refuse(Router.NO_MAIL_REQUIRED)),
                cell(REQUIRED, PeerStatus.NO_MAIL, false, new Route.Refuse(Router.NO_MAILBOX)),
                cell(REQUIRED, SERVFAIL, true, DEFER),
                cell(REQUIRED, SERVFAIL, false, new Route.Refuse(Router.NO_MAILBOX)),
                cell(REQUIRED, SEMP2, true, SEMP2_REQUIRED),
                cell(REQUIRED, SEMP2, false, new Route.Refuse(Router.NO_MAILBOX)),
                cell(REQUIRED, SEMP2_NO_SMTP, true, SEMP2_REQUIRED),
                cell(REQUIRED, SEMP2_NO_SMTP, false, new Route.Refuse(Router.NO_MAILBOX)),
                // semp-preferred
                cell(PREFERRED, PeerStatus.SEMP, true, SEMP),
                cell(PREFERRED, PeerStatus.SEMP, false, smtp(Route.Cause.NO_SENDER_MAILBOX)),
                cell(PREFERRED, PeerStatus.LEGACY, true, smtp(Route.Cause.LEGACY_DOMAIN)),
                cell(PREFERRED, PeerStatus.LEGACY, false, smtp(Route.Cause.NO_SENDER_MAILBOX)),
                cell(PREFERRED, PeerStatus.NO_MAIL, true, smtp(Route.Cause.NO_MAIL)),
                cell(PREFERRED, PeerStatus.NO_MAIL, false, smtp(Route.Cause.NO_SENDER_MAILBOX)),
                cell(PREFERRED, SERVFAIL, true, DEFER),
                cell(PREFERRED, SERVFAIL, false, smtp(Route.Cause.NO_SENDER_MAILBOX)),
                cell(PREFERRED, SEMP2, true, smtp(Route.Cause.OTHER_MAJOR)),
                cell(PREFERRED, SEMP2, false, smtp(Route.Cause.NO_SENDER_MAILBOX)),
                cell(PREFERRED, SEMP2_NO_SMTP, true, SEMP2_NOWHERE),
                cell(PREFERRED, SEMP2_NO_SMTP, false, smtp(Route.Cause.NO_SENDER_MAILBOX)),
                // smtp-only
                cell(SMTP_ONLY, PeerStatus.SEMP, true, smtp(Route.Cause.SMTP_ONLY)),
                cell(SMTP_ONLY, PeerStatus.SEMP, false, smtp(Route.Cause.SMTP_ONLY)),
                cell(SMTP_ONLY, PeerStatus.LEGACY, true, smtp(Route.Cause.SMTP_ONLY)),
                cell(SMTP_ONLY, PeerStatus.LEGACY, false, smtp(Route.Cause.SMTP_ONLY)),
                cell(SMTP_ONLY, PeerStatus.NO_MAIL, true, smtp(Route.Cause.SMTP_ONLY)),
                cell(SMTP_ONLY, PeerStatus.NO_MAIL, false, smtp(Route.Cause.SMTP_ONLY)),
                cell(SMTP_ONLY, SERVFAIL, true, smtp(Route.Cause.SMTP_ONLY)),
                cell(SMTP_ONLY, SERVFAIL, false, smtp(Route.Cause.SMTP_ONLY)),
                cell(SMTP_ONLY, SEMP2, true, smtp(Route.Cause.SMTP_ONLY)),
                cell(SMTP_ONLY, SEMP2_NO_SMTP, true, smtp(Route.Cause.SMTP_ONLY)));
    }

    @ParameterizedTest(name = "{0} peer={1} mailbox={2} -> {3}")
    @MethodSource("remoteCells")
    void route_remoteDomain_followsTheTable(DeliveryMode mode, PeerStatus peer, boolean mailbox, Route expected) {
        assertThat(Router.route(mode, peer, mailbox, false)).isEqualTo(expected);
    }

    static Stream<Arguments> everyInput() {
        List<Arguments> all = new ArrayList<>();
        for (DeliveryMode mode : DeliveryMode.values()) {
            for (PeerStatus peer : List.of(PeerStatus.SEMP, PeerStatus.LEGACY, PeerStatus.NO_MAIL, SERVFAIL, SEMP2, SEMP2_NO_SMTP)) {
                all.add(Arguments.of(mode, peer, true));
                all.add(Arguments.of(mode, peer, false));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} peer={1} mailbox={2}")
    @MethodSource("everyInput")
    void route_localDomain_isAlwaysSmtpToTheMailboxHost(DeliveryMode mode, PeerStatus peer, boolean mailbox) {
        assertThat(Router.route(mode, peer, mailbox, true)).isEqualTo(smtp(Route.Cause.LOCAL_DOMAIN));
    }

    @ParameterizedTest(name = "{0} peer={1} mailbox={2}")
    @MethodSource("everyInput")
    void route_anyInput_neverSendsRequiredInClearNorReadsDnsFailureAsLegacy(DeliveryMode mode, PeerStatus peer, boolean mailbox) {
        Route route = Router.route(mode, peer, mailbox, false);

        if (peer instanceof PeerStatus.Unknown && mailbox && mode != SMTP_ONLY) {
            assertThat(route).isInstanceOf(Route.Defer.class);
        }
        if (mode == REQUIRED) {
            assertThat(route).isNotInstanceOf(Route.ViaSmtp.class);
        }
    }

    @Test
    void route_legacyRequired_refusesWith5_7_xNamingWhy() {
        Route route = Router.route(REQUIRED, PeerStatus.LEGACY, true, false);

        assertThat(route).isInstanceOfSatisfying(Route.Refuse.class, r -> {
            assertThat(r.status().toString()).startsWith("550 5.7.");
            assertThat(r.status().text()).contains("semp-required", "does not publish SEMP", "not sent in clear");
        });
    }

    @Test
    void route_otherMajorRequired_refusesWithVersionUnsupportedNamingWhatTheDomainDeclared() {
        Route route = Router.route(REQUIRED, SEMP2, true, false);

        assertThat(route).isInstanceOfSatisfying(Route.Refuse.class, r -> {
            assertThat(r.status().toString()).startsWith("554 5.5.5 semp-required: ");
            assertThat(r.status().text()).contains("another SEMP major version", "version_unsupported", "not sent in clear", "v=semp2");
            assertThat(r.status().enhanced()).as("the status docs/outcomes.md gives version_unsupported")
                    .isEqualTo(Outcomes.lookup("version_unsupported").reply().enhanced());
        });
    }

    @Test
    void route_otherMajorWithHostileDeclaration_refusesWithSanitisedBoundedText() {
        Route route = Router.route(REQUIRED, PeerStatus.otherMajor("v=semp2\r\n250 ok" + "x".repeat(1000), true), true, false);

        assertThat(route).isInstanceOfSatisfying(Route.Refuse.class, r -> {
            assertThat(r.status().text()).doesNotContain("\r", "\n").endsWith("...)");
            assertThat(r.status().toString().length()).isLessThanOrEqualTo(SmtpStatus.MAX_LINE);
        });
    }

    @Test
    void route_unknownWithHostileDetail_defersWithSanitisedText() {
        PeerStatus peer = PeerStatus.unknown("timeout\r\n250 2.0.0 forged\u00e9" + "x".repeat(1000));

        Route route = Router.route(PREFERRED, peer, true, false);

        assertThat(route).isInstanceOfSatisfying(Route.Defer.class, d -> {
            assertThat(d.status().code()).isEqualTo(451);
            assertThat(d.status().enhanced()).isEqualTo("4.4.3");
            assertThat(d.status().text()).doesNotContain("\r", "\n").contains("timeout 250 2.0.0 forged?");
            assertThat(d.status().toString().length()).isLessThanOrEqualTo(SmtpStatus.MAX_LINE);
        });
    }

    @Test
    void route_unknownWithEmptyDetail_defersWithPlainText() {
        Route route = Router.route(REQUIRED, PeerStatus.unknown(""), true, false);

        assertThat(route).isEqualTo(new Route.Defer(Router.DISCOVERY_FAILED));
    }

    private static Arguments cell(DeliveryMode mode, PeerStatus peer, boolean mailbox, Route expected) {
        return Arguments.of(mode, peer, mailbox, expected);
    }

    private static Route smtp(Route.Cause cause) {
        return new Route.ViaSmtp(cause);
    }
}
