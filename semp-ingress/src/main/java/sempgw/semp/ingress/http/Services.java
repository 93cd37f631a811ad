package sempgw.semp.ingress.http;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import sempgw.semp.ingress.ClockWatch;
import sempgw.semp.ingress.FederationEndpoint;
import sempgw.semp.ingress.WellKnownDocuments;

/**
 * What every connection's handlers share: settings, the two seams, the clock and the watch on its
 * state, the virtual-thread executor for blocking calls, the in-flight counter, the h2 tunnels and
 * the body budget.
 */
record Services(
        SempHttpConfig config,
        WellKnownDocuments documents,
        FederationEndpoint federation,
        Clock clock,
        ClockWatch clockWatch,
        ExecutorService threads,
        InFlight inFlight,
        TunnelTable tunnels,
        MessageBudget budget) {}
