package sempgw.app;

import java.io.PrintWriter;
import sempgw.app.cli.SempGatewayCommand;

/** The {@code semp-gateway} process entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(SempGatewayCommand.commandLine(out, err).execute(args));
    }
}
