/**
 * The gateway application: the process entry point ({@link sempgw.app.Main}), and
 * {@link sempgw.app.Gateway}, which wires every module by hand from one configuration. Only
 * this module knows every other one; the stages meet at the queue, as Postfix's programs do.
 *
 * <pre>
 * smtp-ingress -> store (FsQueue) -> app.qmgr (QueueManager) -> smtp-egress (SmtpDeliveryAgent)
 *                                          \-> app.bounce (DSN) -> store
 * app.control (Unix socket) <- semp-gateway queue ...
 * </pre>
 *
 * <p><b>Standards:</b> see each package; the wiring itself implements none.
 *
 * <p><b>Security:</b> creates the data directory mode 0700; holds no key material itself
 * (the queue key and TLS key are loaded by the components that use them); logs no content.
 */
package sempgw.app;
