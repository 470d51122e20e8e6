package net.twampagent.netconf.operations;

import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/** {@code <cancel-commit>} (RFC 6241 section 8.4.4.1). */
public final class CancelCommit extends AgentOperation {
    private final AgentServices services;

    public CancelCommit(final SessionContext session, final AgentServices services) {
        super("cancel-commit", session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        services.store().cancelCommit(Xml.text(operation, "persist-id").orElse(null), session().id());
        ok(reply);
    }
}
