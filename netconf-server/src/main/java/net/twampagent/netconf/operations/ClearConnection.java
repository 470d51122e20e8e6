package net.twampagent.netconf.operations;

import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import net.twampagent.yang.TwampServerModel;
import org.w3c.dom.Element;

/**
 * {@code clear-connection} of the twamp-server module: closes one control connection (by the id state shows) or
 * all of them, with their sessions; the client sees its TCP connection closed. An id that is not open changes
 * nothing and is refused with the app-tag the model's description promises.
 */
public final class ClearConnection extends AgentOperation {
    private static final String NS = TwampServerModel.NAMESPACE;
    private static final long MAX_ID = 0xFFFF_FFFFL;

    private final AgentServices services;

    public ClearConnection(final SessionContext session, final AgentServices services) {
        super("clear-connection", NS, session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        final var id = Xml.child(operation, NS, "connection-id");
        final var all = Xml.child(operation, NS, "all");
        if (id.isPresent() == all.isPresent()) {
            throw RpcError.protocol(id.isPresent() ? "bad-element" : "missing-element",
                "clear-connection takes exactly one of connection-id and all")
                .withInfo("bad-element", id.isPresent() ? "all" : "connection-id").toException();
        }
        final int cleared;
        if (all.isPresent()) {
            cleared = services.connections().clearAll();
        } else {
            final long connection = connectionId(id.orElseThrow().getTextContent().strip());
            if (!services.connections().clear(connection)) {
                throw RpcError.application("invalid-value", "no control connection " + connection
                    + " is open (see /twamp/server-state/connection); nothing was closed")
                    .withAppTag("no-such-connection").withInfo("bad-element", "connection-id").toException();
            }
            cleared = 1;
        }
        final var count = reply.getOwnerDocument().createElementNS(NS, "cleared");
        count.setTextContent(Integer.toString(cleared));
        reply.appendChild(count);
    }

    private static long connectionId(final String text) throws RpcException {
        try {
            final long value = Long.parseLong(text);
            if (value >= 0 && value <= MAX_ID) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RpcError.protocol("invalid-value", "connection-id '" + text + "' is not a number from 0 to " + MAX_ID)
            .withInfo("bad-element", "connection-id").toException();
    }
}
