package net.twampagent.netconf.operations;

import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/** {@code <validate>} (RFC 6241 section 8.6) of a datastore or an inline config. */
public final class Validate extends AgentOperation {
    private final AgentServices services;

    public Validate(final SessionContext session, final AgentServices services) {
        super("validate", session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        services.store().validate(ConfigSource.read(services.store(), Xml.required(operation, "source")));
        ok(reply);
    }
}
