package net.twampagent.netconf.operations;

import static java.util.Objects.requireNonNull;

import net.twampagent.netconf.access.AccessControl;
import net.twampagent.netconf.datastore.ConfigStore;
import net.twampagent.netconf.datastore.StateComposer;
import net.twampagent.netconf.datastore.WithDefaults;
import net.twampagent.netconf.model.AgentModel;
import net.twampagent.netconf.notifications.NotificationHub;
import net.twampagent.netconf.persistence.CommitHistory;

/**
 * What the operations work on, shared by every session.
 *
 * @param model    the served model and its texts
 * @param store    the datastores
 * @param defaults with-defaults filtering
 * @param state    composition of live state for get
 * @param sessions the live sessions, for kill-session
 * @param notifications the NETCONF event stream
 * @param history  the last changes of running
 * @param connections the dataplane's control connections, for clear-connection
 * @param access   what each session may read and write
 */
public record AgentServices(AgentModel model, ConfigStore store, WithDefaults defaults, StateComposer state,
        SessionRegistry sessions, NotificationHub notifications, CommitHistory history,
        ControlConnections connections, AccessControl access) {
    public AgentServices {
        requireNonNull(model);
        requireNonNull(store);
        requireNonNull(defaults);
        requireNonNull(state);
        requireNonNull(sessions);
        requireNonNull(notifications);
        requireNonNull(history);
        requireNonNull(connections);
        requireNonNull(access);
    }
}
