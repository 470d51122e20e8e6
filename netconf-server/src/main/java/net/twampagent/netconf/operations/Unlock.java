package net.twampagent.netconf.operations;

import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/** {@code <unlock>} (RFC 6241 section 7.6). */
public final class Unlock extends AgentOperation {
    private final AgentServices services;

    public Unlock(final SessionContext session, final AgentServices services) {
        super("unlock", session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        services.store().unlock(Xml.datastore(Xml.required(operation, "target")), session().id());
        ok(reply);
    }
}
