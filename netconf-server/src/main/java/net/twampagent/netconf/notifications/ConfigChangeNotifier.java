package net.twampagent.netconf.notifications;

import static java.util.Objects.requireNonNull;

import java.util.function.LongFunction;
import net.twampagent.netconf.datastore.ConfigChangeListener;
import net.twampagent.netconf.datastore.ConfigDiff;
import net.twampagent.netconf.rpc.ErrorPath;
import org.opendaylight.netconf.api.xml.XmlUtil;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Publishes RFC 6470 {@code netconf-config-change} each time running changes: who changed it (the session, or
 * the server itself for a rollback on timeout) and which nodes were created, deleted or replaced.
 */
public final class ConfigChangeNotifier implements ConfigChangeListener {
    static final String NS = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";

    private final EffectiveModelContext context;
    private final NotificationHub hub;
    private final LongFunction<String> usernames;

    /**
     * @param usernames the user of a session, or {@code null} when it has none (the test-only TCP listener)
     */
    public ConfigChangeNotifier(final EffectiveModelContext context, final NotificationHub hub,
            final LongFunction<String> usernames) {
        this.context = requireNonNull(context);
        this.hub = requireNonNull(hub);
        this.usernames = requireNonNull(usernames);
    }

    @Override
    public void onRunningChanged(final ContainerNode before, final ContainerNode after, final long sessionId,
            final String reason) {
        final var doc = XmlUtil.newDocument();
        final var change = doc.createElementNS(NS, "netconf-config-change");
        final var changedBy = doc.createElementNS(NS, "changed-by");
        if (sessionId == 0) {
            changedBy.appendChild(doc.createElementNS(NS, "server"));
        } else {
            // RFC 6470 makes username mandatory; a session of the unauthenticated test listener has none.
            final var name = usernames.apply(sessionId);
            final var user = doc.createElementNS(NS, "username");
            user.setTextContent(name != null ? name : "unauthenticated");
            changedBy.appendChild(user);
            final var sid = doc.createElementNS(NS, "session-id");
            sid.setTextContent(Long.toString(sessionId));
            changedBy.appendChild(sid);
        }
        change.appendChild(changedBy);
        final var datastore = doc.createElementNS(NS, "datastore");
        datastore.setTextContent("running");
        change.appendChild(datastore);
        for (var edit : ConfigDiff.between(context, before, after)) {
            final var element = doc.createElementNS(NS, "edit");
            final var target = doc.createElementNS(NS, "target");
            ErrorPath.of(context, edit.path()).writeTo(target);
            element.appendChild(target);
            final var operation = doc.createElementNS(NS, "operation");
            operation.setTextContent(edit.operation());
            element.appendChild(operation);
            change.appendChild(element);
        }
        hub.publish(change);
    }
}
