package sempgw.app.control;

/** Carries out one control request; never throws (a failure is a reply with a 4xx/5xx code). */
@FunctionalInterface
public interface ControlHandler {
    ControlReply handle(ControlRequest request);
}
