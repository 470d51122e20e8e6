package net.twampagent.netconf.operations;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/** {@code get-commit-history} of the twamp-agent-netconf module: the last 50 changes of running. */
public final class GetCommitHistory extends AgentOperation {
    static final String NS = "urn:net:twampagent:yang:agent";

    private final AgentServices services;

    public GetCommitHistory(final SessionContext session, final AgentServices services) {
        super("get-commit-history", NS, session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        final var doc = reply.getOwnerDocument();
        for (var entry : services.history().entries()) {
            final var commit = doc.createElementNS(NS, "commit");
            append(commit, "id", Long.toString(entry.id()));
            append(commit, "time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                entry.time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC)));
            append(commit, "session-id", Long.toString(entry.sessionId()));
            if (!entry.user().isEmpty()) {
                append(commit, "user", entry.user());
            }
            append(commit, "reason", entry.reason());
            entry.changes().stream().filter(change -> services.access().mayReadChange(session().id(), change))
                .forEach(change -> append(commit, "change", change));
            reply.appendChild(commit);
        }
    }

    private static void append(final Element parent, final String name, final String text) {
        final var child = parent.getOwnerDocument().createElementNS(NS, name);
        child.setTextContent(text);
        parent.appendChild(child);
    }
}
