/**
 * Helpers shared by the end-to-end tests: build paths, free loopback ports, external commands,
 * an SMTP greeting probe and progress lines.
 *
 * <p>Standards: RFC 5321 §4.2 (the 220 greeting the probe waits for).
 *
 * <p>Security: runs only commands named by the fixtures (dpkg-deb, apt-get, getent, useradd,
 * groupadd, postfix); connects to 127.0.0.1 only.
 */
package sempgw.e2e.support;
