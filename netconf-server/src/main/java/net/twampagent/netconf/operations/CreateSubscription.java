package net.twampagent.netconf.operations;

import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.opendaylight.netconf.api.NamespaceURN;
import org.w3c.dom.Element;

/**
 * {@code <create-subscription>} (RFC 5277 section 2.1.1) to the NETCONF stream, with an optional subtree filter.
 * There is no replay: startTime is refused.
 */
public final class CreateSubscription extends AgentOperation {
    private final AgentServices services;

    public CreateSubscription(final SessionContext session, final AgentServices services) {
        super("create-subscription", NamespaceURN.NOTIFICATION, session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        final var stream = Xml.text(operation, NamespaceURN.NOTIFICATION, "stream");
        if (stream.isPresent() && !"NETCONF".equals(stream.orElseThrow())) {
            throw RpcError.protocol("invalid-value", "there is no stream '" + stream.orElseThrow()
                + "': this server has the NETCONF stream only").withInfo("bad-element", "stream").toException();
        }
        if (Xml.child(operation, NamespaceURN.NOTIFICATION, "startTime").isPresent()) {
            throw RpcError.protocol("operation-not-supported", "this server keeps no notification log to replay")
                .withInfo("bad-element", "startTime").toException();
        }
        if (Xml.child(operation, NamespaceURN.NOTIFICATION, "stopTime").isPresent()) {
            throw RpcError.protocol("bad-element", "stopTime needs startTime (replay), which is not supported")
                .withInfo("bad-element", "stopTime").toException();
        }
        final var filter = Xml.child(operation, NamespaceURN.NOTIFICATION, "filter").orElse(null);
        if (filter != null && !filter.hasAttribute("type")) {
            filter.setAttribute("type", "subtree");
        }
        if (!services.notifications().subscribe(session().id(), session().netconfSession(), filter)) {
            throw RpcError.protocol("operation-failed", "this session already has a subscription")
                .toException();
        }
        ok(reply);
    }
}
