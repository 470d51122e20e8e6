package net.twampagent.netconf.operations;

import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/** {@code <copy-config>} (RFC 6241 section 7.3) between running, candidate and an inline config; no URLs. */
public final class CopyConfig extends AgentOperation {
    private final AgentServices services;

    public CopyConfig(final SessionContext session, final AgentServices services) {
        super("copy-config", session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        final var target = Xml.datastore(Xml.required(operation, "target"));
        final var config = ConfigSource.read(services.store(), Xml.required(operation, "source"));
        final var store = services.store();
        // The store's own monitor: no other session's change can come between the access check and the copy.
        synchronized (store) {
            services.access().checkReplace(session().id(), store.read(target), config);
            store.replace(target, config, session().id());
        }
        ok(reply);
    }
}
