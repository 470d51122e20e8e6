package net.twampagent.netconf.operations;

import net.twampagent.netconf.datastore.ConfigStore;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/** A {@code <source>} that names a datastore or carries a whole {@code <config>}. */
final class ConfigSource {
    private ConfigSource() {
    }

    static ContainerNode read(final ConfigStore store, final Element source) throws RpcException {
        final var first = Xml.firstElement(source);
        if (Xml.isConfig(first)) {
            return store.parseConfig(first);
        }
        return store.read(Xml.datastore(source));
    }
}
