package net.twampagent.netconf.operations;

import net.twampagent.netconf.datastore.Datastore;
import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/** {@code <get>} (RFC 6241 section 7.7): running plus live state, composed at the time of the request. */
public final class Get extends AgentOperation {
    private final AgentServices services;

    public Get(final SessionContext session, final AgentServices services) {
        super("get", session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        final var mode = Options.withDefaults(operation);
        Options.checkFilter(operation);
        final var all = services.access().readable(session().id(),
            services.state().compose(services.store().read(Datastore.RUNNING)));
        services.store().codec().writeChildren(services.defaults().apply(all, mode, true), data(reply));
    }
}
