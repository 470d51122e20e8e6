package net.twampagent.netconf.server;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import net.twampagent.netconf.operations.AgentServices;
import net.twampagent.netconf.operations.SessionContext;
import org.opendaylight.netconf.server.api.monitoring.Capability;
import org.opendaylight.netconf.server.api.monitoring.CapabilityListener;
import org.opendaylight.netconf.server.api.operations.NetconfOperationService;
import org.opendaylight.netconf.server.api.operations.NetconfOperationServiceFactory;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.netconf.base._1._0.rev110601.SessionIdType;
import org.opendaylight.yangtools.concepts.Registration;

/** Plugs the agent's operations and capabilities into ODL's session machinery. */
public final class AgentOperationServiceFactory implements NetconfOperationServiceFactory {
    private final AgentServices services;
    private final Set<Capability> capabilities;

    AgentOperationServiceFactory(final AgentServices services, final Set<Capability> capabilities) {
        this.services = requireNonNull(services);
        this.capabilities = Set.copyOf(capabilities);
    }

    @Override
    public Set<Capability> getCapabilities() {
        return capabilities;
    }

    @Override
    public Registration registerCapabilityListener(final CapabilityListener listener) {
        // The capabilities never change while the agent runs; the monitoring service reads them itself.
        return () -> { };
    }

    @Override
    public NetconfOperationService createService(final SessionIdType sessionId) {
        return new AgentOperationService(new SessionContext(sessionId.getValue().longValue()), services);
    }
}
