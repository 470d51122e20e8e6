package net.twampagent.netconf.datastore;

import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/** Told after running has changed (commit, edit of running, confirmed-commit rollback). */
@FunctionalInterface
public interface ConfigChangeListener {
    /**
     * @param sessionId the session that caused the change, or 0 for the agent itself (a rollback on timeout)
     * @param reason    a short word: commit, edit, copy, rollback, confirmed-commit
     */
    void onRunningChanged(ContainerNode before, ContainerNode after, long sessionId, String reason);
}
