package net.twampagent.netconf.operations;

import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/** {@code <get-config>} (RFC 6241 section 7.1), with with-defaults (RFC 6243). */
public final class GetConfig extends AgentOperation {
    private final AgentServices services;

    public GetConfig(final SessionContext session, final AgentServices services) {
        super("get-config", session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        final var source = Xml.datastore(Xml.required(operation, "source"));
        final var mode = Options.withDefaults(operation);
        Options.checkFilter(operation);
        final var readable = services.access().readable(session().id(), services.store().read(source));
        final var config = services.defaults().apply(readable, mode, false);
        services.store().codec().writeChildren(config, data(reply));
    }
}
