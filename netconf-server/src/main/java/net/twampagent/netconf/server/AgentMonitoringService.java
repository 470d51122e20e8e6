package net.twampagent.netconf.server;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.twampagent.netconf.model.AgentModel;
import org.opendaylight.netconf.server.api.monitoring.Capability;
import org.opendaylight.netconf.server.api.monitoring.NetconfManagementSession;
import org.opendaylight.netconf.server.api.monitoring.NetconfMonitoringService;
import org.opendaylight.netconf.server.api.monitoring.SessionEvent;
import org.opendaylight.netconf.server.api.monitoring.SessionListener;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.monitoring.rev101004.netconf.state.Capabilities;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.monitoring.rev101004.netconf.state.CapabilitiesBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.monitoring.rev101004.netconf.state.Schemas;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.monitoring.rev101004.netconf.state.SchemasBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.monitoring.rev101004.netconf.state.Sessions;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.monitoring.rev101004.netconf.state.SessionsBuilder;
import org.opendaylight.yangtools.concepts.Registration;

/**
 * What ODL's session negotiation asks of a monitoring service: the capabilities for the hello. ODL's own
 * implementation adds {@code :url} and {@code :candidate} to every hello whatever the operations can do, so the
 * agent answers with exactly its own capabilities.
 */
final class AgentMonitoringService implements NetconfMonitoringService {
    private static final SessionListener IGNORE = new SessionListener() {
        @Override
        public void onSessionUp(final NetconfManagementSession session) {
        }

        @Override
        public void onSessionDown(final NetconfManagementSession session) {
        }

        @Override
        public void onSessionEvent(final SessionEvent event) {
        }
    };

    private final AgentModel model;
    private final Capabilities capabilities;

    AgentMonitoringService(final AgentModel model, final Set<Capability> capabilities) {
        this.model = requireNonNull(model);
        this.capabilities = new CapabilitiesBuilder().setCapability(capabilities.stream()
            .map(c -> new Uri(c.getCapabilityUri())).collect(Collectors.toUnmodifiableSet())).build();
    }

    @Override
    public Sessions getSessions() {
        return new SessionsBuilder().build();
    }

    @Override
    public SessionListener getSessionListener() {
        return IGNORE;
    }

    @Override
    public Schemas getSchemas() {
        return new SchemasBuilder().build();
    }

    @Override
    public String getSchemaForCapability(final String moduleName, final Optional<String> revision) {
        return model.moduleText(moduleName, revision).orElse(null);
    }

    @Override
    public Capabilities getCapabilities() {
        return capabilities;
    }

    @Override
    public Registration registerCapabilitiesListener(final CapabilitiesListener listener) {
        return () -> { };
    }

    @Override
    public Registration registerSessionsListener(final SessionsListener listener) {
        return () -> { };
    }
}
