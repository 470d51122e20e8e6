package net.twampagent.netconf.operations;

import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/**
 * {@code <kill-session>} (RFC 6241 section 7.9): ends another session; its locks are released and its
 * unconfirmed commit rolled back as for any session that ends.
 */
public final class KillSession extends AgentOperation {
    private final AgentServices services;

    public KillSession(final SessionContext session, final AgentServices services) {
        super("kill-session", session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        final var text = Xml.required(operation, "session-id").getTextContent().strip();
        final long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid("'" + text + "' is not a session-id");
        }
        if (id == session().id()) {
            throw invalid("a session cannot kill itself: use close-session");
        }
        final var target = services.sessions().find(id)
            .orElseThrow(() -> invalid("there is no session " + id));
        target.terminate();
        services.store().sessionEnded(id);
        ok(reply);
    }

    private static RpcException invalid(final String message) {
        return RpcError.protocol("invalid-value", message).withInfo("bad-element", "session-id").toException();
    }
}
