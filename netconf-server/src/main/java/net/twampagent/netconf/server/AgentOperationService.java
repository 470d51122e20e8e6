package net.twampagent.netconf.server;

import java.util.Set;
import net.twampagent.netconf.operations.AgentServices;
import net.twampagent.netconf.operations.CancelCommit;
import net.twampagent.netconf.operations.ClearConnection;
import net.twampagent.netconf.operations.Commit;
import net.twampagent.netconf.operations.CopyConfig;
import net.twampagent.netconf.operations.CreateSubscription;
import net.twampagent.netconf.operations.DiscardChanges;
import net.twampagent.netconf.operations.EditConfig;
import net.twampagent.netconf.operations.Get;
import net.twampagent.netconf.operations.GetCommitHistory;
import net.twampagent.netconf.operations.GetConfig;
import net.twampagent.netconf.operations.GetSchema;
import net.twampagent.netconf.operations.KillSession;
import net.twampagent.netconf.operations.Lock;
import net.twampagent.netconf.operations.RollbackToCommit;
import net.twampagent.netconf.operations.SessionContext;
import net.twampagent.netconf.operations.Unlock;
import net.twampagent.netconf.operations.UnsupportedOperation;
import net.twampagent.netconf.operations.Validate;
import org.opendaylight.netconf.server.api.operations.NetconfOperation;
import org.opendaylight.netconf.server.api.operations.NetconfOperationService;

/**
 * The operations of one session. Closing it (the session ended, was closed or killed) releases the session's
 * locks, discards its uncommitted candidate if it held the candidate's lock, and rolls back its unconfirmed commit.
 */
final class AgentOperationService implements NetconfOperationService {
    private final SessionContext session;
    private final AgentServices services;
    private final Set<NetconfOperation> operations;

    AgentOperationService(final SessionContext session, final AgentServices services) {
        this.session = session;
        this.services = services;
        operations = Set.of(
            new Get(session, services), new GetConfig(session, services), new EditConfig(session, services),
            new CopyConfig(session, services), new Validate(session, services), new Commit(session, services),
            new CancelCommit(session, services), new DiscardChanges(session, services),
            new Lock(session, services), new Unlock(session, services), new KillSession(session, services),
            new GetSchema(session, services), new CreateSubscription(session, services),
            new GetCommitHistory(session, services), new RollbackToCommit(session, services),
            new ClearConnection(session, services),
            new UnsupportedOperation(session));
        services.sessions().add(session);
    }

    @Override
    public Set<NetconfOperation> getNetconfOperations() {
        return operations;
    }

    @Override
    public void close() {
        services.sessions().remove(session.id());
        services.notifications().unsubscribe(session.id());
        services.store().sessionEnded(session.id());
    }
}
