/**
 * A private Postfix from Debian's package: {@code PostfixPackage} finds and unpacks the
 * {@code .deb} into the build directory, {@code PostfixAccounts} picks the accounts Postfix
 * insists on, {@code PostfixConfig} writes main.cf and master.cf, {@code PostfixInstance}
 * starts and stops it. Nothing is installed system-wide.
 *
 * <p>Standards: Postfix 3.7 main.cf/master.cf (postconf(5), master(5)), RFC 5321.
 *
 * <p>Security: runs Postfix as root-started daemons that drop to {@code mail_owner}; listens on
 * 127.0.0.1 only, relays only for 127.0.0.0/8, delivers nothing locally.
 */
package sempgw.e2e.postfix;
