package net.twampagent.netconf.operations;

import java.util.Optional;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/** {@code <get-schema>} (RFC 6022 section 3.1): the YANG text of a served module. */
public final class GetSchema extends AgentOperation {
    static final String MONITORING_NS = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";

    private final AgentServices services;

    public GetSchema(final SessionContext session, final AgentServices services) {
        super("get-schema", MONITORING_NS, session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        final var identifier = Xml.required(operation, MONITORING_NS, "identifier").getTextContent().strip();
        final var version = Xml.text(operation, MONITORING_NS, "version").filter(v -> !v.isEmpty());
        final Optional<String> format = Xml.text(operation, MONITORING_NS, "format");
        if (format.isPresent() && !format.orElseThrow().endsWith("yang")) {
            throw RpcError.protocol("invalid-value", "only the yang format is available")
                .withInfo("bad-element", "format").toException();
        }
        final var text = services.model().moduleText(identifier, version).orElseThrow(() ->
            RpcError.protocol("invalid-value", "this server has no module '" + identifier + "'"
                + version.map(v -> " at revision " + v).orElse("")).withInfo("bad-element", "identifier")
                .toException());
        final var data = reply.getOwnerDocument().createElementNS(MONITORING_NS, "data");
        data.setTextContent(text);
        reply.appendChild(data);
    }
}
