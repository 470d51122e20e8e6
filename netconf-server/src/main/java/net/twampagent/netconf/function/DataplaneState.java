package net.twampagent.netconf.function;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import net.twampagent.dataplane.state.ServerSnapshot;
import net.twampagent.netconf.datastore.OperationalStateProvider;
import net.twampagent.netconf.mapping.StateMapper;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * {@code /twamp/server-state} read from the dataplane at the time of each {@code <get>}: the running server's
 * snapshot, {@code disabled} when no server is configured, and {@code down} (no endpoint, nothing counted) when
 * one is configured but cannot run.
 */
final class DataplaneState implements OperationalStateProvider {
    private final ManagedServer server;
    private final StateMapper mapper = new StateMapper();

    DataplaneState(final ManagedServer server) {
        this.server = requireNonNull(server);
    }

    @Override
    public Map<YangInstanceIdentifier, NormalizedNode> snapshot() {
        final var snapshot = server.snapshot();
        if (snapshot.isPresent()) {
            return Map.of(StateMapper.PATH, mapper.map(snapshot.orElseThrow()));
        }
        final var down = server.down();
        if (down.isPresent()) {
            return Map.of(StateMapper.PATH, mapper.map(new ServerSnapshot(down.orElseThrow().since(), List.of(),
                "none", List.of(), List.of(), Map.of(), Map.of(), Map.of(), 0, 0)));
        }
        return Map.of(StateMapper.PATH, mapper.disabled());
    }
}
