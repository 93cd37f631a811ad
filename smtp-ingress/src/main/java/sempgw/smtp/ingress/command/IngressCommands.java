package sempgw.smtp.ingress.command;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.subethamail.smtp.internal.server.Command;
import sempgw.smtp.ingress.SmtpIngressConfig;
import sempgw.smtp.ingress.policy.RelayPolicy;
import sempgw.smtp.ingress.policy.SenderLoginPolicy;
import sempgw.smtp.ingress.protocol.Replies;
import sempgw.smtp.ingress.session.ConnectionSettings;
import sempgw.smtp.ingress.session.OwedReplies;
import sempgw.store.queue.MessageQueue;

/**
 * The ingress's command set, which replaces every SubEthaSMTP command. A verb outside
 * {@link #VERBS} is answered {@code 500 5.5.2} before dispatch, so SubEthaSMTP's own commands
 * are unreachable; BDAT is replaced as well, as CHUNKING is not offered.
 */
public final class IngressCommands {
    public static final Set<String> VERBS = Set.of(
            "EHLO", "HELO", "MAIL", "RCPT", "DATA", "RSET", "NOOP", "QUIT", "VRFY", "EXPN", "HELP", "STARTTLS", "AUTH");

    private IngressCommands() {
    }

    /**
     * @param settings what each connection needs, made by the caller once for the listener and STARTTLS
     * @param owed the DATA replies owed after a commit, which the caller settles before stopping
     */
    public static List<Command> create(SmtpIngressConfig config, ConnectionSettings settings, MessageQueue queue, RelayPolicy policy,
            OwedReplies owed, Clock clock) {
        String host = config.hostname();
        List<Command> commands = new ArrayList<>();
        commands.add(new GreetingCommands.Ehlo(host, config.limits().maxSize(), config.tls().isPresent(),
                config.authenticator().isPresent()));
        commands.add(new GreetingCommands.Helo(host));
        commands.add(new MailCommand(config.limits().maxSize(), new SenderLoginPolicy(config.senderLogins())));
        commands.add(new RcptCommand(config.maxRecipients(), policy, config.localDomains().stream().sorted().findFirst()));
        commands.add(new DataCommand(config, queue, owed, clock));
        commands.add(new SimpleCommands.Rset());
        commands.add(new SimpleCommands.Quit());
        commands.add(new SimpleCommands.Fixed("NOOP", Replies.OK));
        commands.add(new SimpleCommands.Fixed("HELP", Replies.HELP));
        commands.add(new SimpleCommands.Fixed("VRFY", Replies.VRFY_DISABLED));
        commands.add(new SimpleCommands.Fixed("EXPN", Replies.EXPN_DISABLED));
        commands.add(new SimpleCommands.Fixed("BDAT", Replies.NOT_IMPLEMENTED));
        commands.add(config.tls().<Command>map(ctx -> new StartTlsCommand(ctx, settings))
                .orElseGet(() -> new SimpleCommands.Fixed("STARTTLS", Replies.NOT_IMPLEMENTED)));
        commands.add(new AuthCommand(config.authenticator().orElse(null)));
        return commands;
    }
}
