package net.twampagent.netconf.datastore;

import java.util.Map;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * Live operational state for {@code <get>}, read when a client asks rather than copied on every change, so the
 * answer is exact at the time of the request and costs nothing between requests.
 */
@FunctionalInterface
public interface OperationalStateProvider {
    /** No state. */
    OperationalStateProvider NONE = Map::of;

    /**
     * The state now, as nodes to merge into the configuration at their paths (for example the container at
     * {@code /twamp/server-state}). Called once per {@code <get>}, on the session's thread.
     */
    Map<YangInstanceIdentifier, NormalizedNode> snapshot();
}
