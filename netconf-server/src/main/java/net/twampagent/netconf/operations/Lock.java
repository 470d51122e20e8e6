package net.twampagent.netconf.operations;

import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/** {@code <lock>} (RFC 6241 section 7.5). */
public final class Lock extends AgentOperation {
    private final AgentServices services;

    public Lock(final SessionContext session, final AgentServices services) {
        super("lock", session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        services.store().lock(Xml.datastore(Xml.required(operation, "target")), session().id());
        ok(reply);
    }
}
