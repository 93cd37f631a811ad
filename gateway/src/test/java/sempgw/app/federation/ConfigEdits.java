package sempgw.app.federation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Optional;
import sempgw.app.config.GatewayConfig;
import sempgw.app.config.ListenAddress;

/** Copies of a parsed {@link GatewayConfig} with one setting changed, for gateways restarted by a test. */
final class ConfigEdits {
    private ConfigEdits() {
    }

    /** {@code config} resolving SEMP discovery and {@code _semp-verify} through {@code resolver} ({@code semp.dns_resolver}). */
    static GatewayConfig withDnsResolver(GatewayConfig config, ListenAddress resolver) {
        return with(config, "semp", with(config.semp(), "dnsResolver", Optional.of(resolver)));
    }

    /** A copy of {@code record} whose component {@code name} is {@code value}, through its canonical constructor (so its checks run). */
    static <R extends Record> R with(R record, String name, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                found |= components[i].getName().equals(name);
                args[i] = components[i].getName().equals(name) ? value : components[i].getAccessor().invoke(record);
            }
            if (!found) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + name);
            }
            @SuppressWarnings("unchecked")
            R copy = (R) record.getClass().getDeclaredConstructor(types).newInstance(args);
            return copy;
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName() + ": " + cause, cause);
        }
    }
}
