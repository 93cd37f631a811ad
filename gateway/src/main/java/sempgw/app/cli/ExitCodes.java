package sempgw.app.cli;

/** Process exit codes, from BSD sysexits(3) as Postfix and sendmail use them. */
final class ExitCodes {
    static final int OK = 0;
    /** The gateway answered with an error (no such message, bad request). */
    static final int FAILED = 1;
    /** EX_USAGE: wrong command line. */
    static final int USAGE = 64;
    /** EX_UNAVAILABLE: no gateway answers on the control socket. */
    static final int UNAVAILABLE = 69;
    /** EX_SOFTWARE: the gateway could not start or stopped on an internal error. */
    static final int SOFTWARE = 70;
    /** EX_CONFIG: the configuration is wrong. */
    static final int CONFIG = 78;

    private ExitCodes() {
    }
}
