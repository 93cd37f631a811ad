package sempgw.app;

import sempgw.app.config.DeliveryConfig;
import sempgw.smtp.egress.SmtpEgressConfig;
import sempgw.smtp.egress.client.ClientSettings;
import sempgw.smtp.egress.client.Timeouts;
import sempgw.smtp.egress.route.RouteResolver;

/** Builds smtp-egress's settings and route resolver from the {@code [delivery]} table. */
final class EgressSettings {
    private EgressSettings() {
    }

    static SmtpEgressConfig of(DeliveryConfig delivery, String hostname) {
        SmtpEgressConfig defaults = SmtpEgressConfig.defaults(hostname);
        Timeouts t = defaults.client().timeouts();
        Timeouts timeouts = new Timeouts(delivery.connectTimeout(), t.greeting(), t.command(), t.dataInit(), t.dataBlock(), t.dataDone());
        return new SmtpEgressConfig(ClientSettings.withDefaultTrust(hostname, timeouts), defaults.maxIdlePerDestination(),
                defaults.maxIdle(), defaults.maxAge());
    }

    static RouteResolver routes(DeliveryConfig delivery) {
        return new RouteResolver(delivery.routeTable(), delivery.tls(), 25);
    }
}
