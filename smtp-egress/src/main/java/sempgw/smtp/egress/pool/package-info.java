/**
 * Reuse of client sessions per destination (Postfix's connection cache): consecutive messages
 * to one next hop share a connection, which is what makes a relay fast.
 *
 * <p>Limits: idle sessions per destination, idle time and session age, see
 * {@link sempgw.smtp.egress.pool.ConnectionPool}.
 *
 * <p><b>Security:</b> holds open connections only; a session is shared only between identical
 * routes (same destination, TLS policy and login).
 *
 * <p><b>Standards:</b> RFC 5321 §4.1.1.4 (the end of data resets the transaction), §4.1.1.5 (RSET).
 */
package sempgw.smtp.egress.pool;
