package net.twampagent.netconf.operations;

import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/** {@code <discard-changes>} (RFC 6241 section 8.3.4.2). */
public final class DiscardChanges extends AgentOperation {
    private final AgentServices services;

    public DiscardChanges(final SessionContext session, final AgentServices services) {
        super("discard-changes", session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        services.store().discardChanges(session().id());
        ok(reply);
    }
}
