package sempgw.app;

import java.util.HashSet;
import javax.net.ssl.SSLContext;
import sempgw.smtp.ingress.AfterCommit;
import sempgw.app.config.SmtpConfig;
import sempgw.smtp.ingress.SmtpIngressConfig;
import sempgw.smtp.ingress.policy.CidrRange;

/** Builds SMTP ingress's configuration from the {@code [smtp]} table, loading the recipient, user and sender-login files it names. */
final class IngressSettings {
    private IngressSettings() {
    }

    /** @throws sempgw.app.config.ConfigException if the recipients, users or sender-logins file cannot be used */
    static SmtpIngressConfig of(SmtpConfig smtp, SSLContext tls) {
        return of(smtp, tls, AfterCommit.QUEUED);
    }

    /** @param afterCommit decides the reply to DATA once the message is queued (the bridge's first SEMP attempt) */
    static SmtpIngressConfig of(SmtpConfig smtp, SSLContext tls, AfterCommit afterCommit) {
        SmtpIngressConfig.Builder b = SmtpIngressConfig.builder(smtp.hostname())
                .bind(smtp.listen().address(), smtp.listen().port())
                .maxMessageSize(smtp.maxMessageSize())
                .maxRecipients(smtp.maxRecipients())
                .relayNetworks(smtp.relayNetworks().stream().map(n -> CidrRange.parse(n.toString())).toList())
                .connectionLimits(smtp.maxConnectionsPerClient(), smtp.maxConnections())
                .timeouts(smtp.commandTimeout(), smtp.dataTimeout())
                .tls(tls)
                .afterCommit(afterCommit);
        if (smtp.recipientsFile().isPresent()) {
            b.localDomains(new HashSet<>(smtp.localDomains()), StartupChecks.recipients(smtp.recipientsFile().get()));
        }
        if (smtp.authUsersFile().isPresent()) {
            b.authenticator(StartupChecks.users(smtp.authUsersFile().get()));
        }
        if (smtp.senderLoginsFile().isPresent()) {
            b.senderLogins(StartupChecks.senderLogins(smtp.senderLoginsFile().get()));
        }
        return b.build();
    }
}
