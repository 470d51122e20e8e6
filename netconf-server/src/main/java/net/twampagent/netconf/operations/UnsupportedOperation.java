package net.twampagent.netconf.operations;

import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.opendaylight.netconf.server.api.operations.HandlingPriority;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Answers every operation nothing else handles with a clean operation-not-supported (ODL's router would put the
 * whole request into the error text).
 */
public final class UnsupportedOperation extends AgentOperation {
    public UnsupportedOperation(final SessionContext session) {
        super("*", session);
    }

    @Override
    public HandlingPriority canHandle(final Document message) {
        return Xml.operationOf(message) != null ? HandlingPriority.HANDLE_WITH_DEFAULT_PRIORITY : null;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        throw RpcError.protocol("operation-not-supported", "this server does not support the operation '"
            + operation.getLocalName() + "' in namespace " + operation.getNamespaceURI())
            .withInfo("bad-element", operation.getLocalName()).toException();
    }
}
