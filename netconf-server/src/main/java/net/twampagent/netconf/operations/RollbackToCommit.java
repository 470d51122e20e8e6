package net.twampagent.netconf.operations;

import net.twampagent.netconf.datastore.CommitRequest;
import net.twampagent.netconf.datastore.Datastore;
import net.twampagent.netconf.persistence.CorruptStateException;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/**
 * {@code rollback-to-commit} of the twamp-agent-netconf module: loads running as it was after an earlier change
 * into the candidate and commits it through the usual checks.
 */
public final class RollbackToCommit extends AgentOperation {
    private final AgentServices services;

    public RollbackToCommit(final SessionContext session, final AgentServices services) {
        super("rollback-to-commit", GetCommitHistory.NS, session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        final var text = Xml.required(operation, GetCommitHistory.NS, "id").getTextContent().strip();
        final long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid("'" + text + "' is not a commit id");
        }
        final var file = services.history().configAfter(id)
            .orElseThrow(() -> invalid("commit " + id + " is not in the history (it keeps the last 50)"));
        final var store = services.store();
        final var config = load(file);
        // The store's own monitor: no other session's change can come between the access checks and the commit.
        synchronized (store) {
            services.access().checkReplace(session().id(), store.read(Datastore.CANDIDATE), config);
            services.access().checkReplace(session().id(), store.read(Datastore.RUNNING), config);
            store.replace(Datastore.CANDIDATE, config, session().id());
            store.commit(CommitRequest.PLAIN, session().id());
        }
        ok(reply);
    }

    private org.opendaylight.yangtools.yang.data.api.schema.ContainerNode load(
            final net.twampagent.netconf.persistence.ConfigFile file) throws RpcException {
        try {
            return file.load(services.store()::parseConfig).orElseThrow(() ->
                RpcError.application("operation-failed", "the saved configuration of this commit is missing")
                    .toException());
        } catch (CorruptStateException e) {
            throw RpcError.application("operation-failed", e.getMessage()).toException();
        }
    }

    private static RpcException invalid(final String message) {
        return RpcError.protocol("invalid-value", message).withInfo("bad-element", "id").toException();
    }
}
