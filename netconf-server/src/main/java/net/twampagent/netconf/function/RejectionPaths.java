package net.twampagent.netconf.function;

import java.util.Optional;
import net.twampagent.dataplane.ConfigurationRejectedException;
import net.twampagent.netconf.datastore.CommitFailure;
import net.twampagent.yang.TwampServerModel;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;

/**
 * Turns the dataplane's refusal of a configuration into the commit failure a client can act on: the knob it names
 * becomes the node under {@code /twamp/server} the error-path selects, and the kind of refusal its error-tag.
 */
final class RejectionPaths {
    private static final QNameModule MODULE =
        QNameModule.ofRevision(TwampServerModel.NAMESPACE, TwampServerModel.REVISION);
    private static final QName NAME = QName.create(MODULE, "name");
    private static final String ROUTING_INSTANCE_LIST = "routing-instance-list";
    static final YangInstanceIdentifier SERVER =
        YangInstanceIdentifier.of(QName.create(MODULE, "twamp"), QName.create(MODULE, "server"));

    private RejectionPaths() {
    }

    /**
     * The failure of a commit the dataplane refused. A port or namespace it cannot use is a resource it is denied;
     * a feature it lacks is not supported; a mode without a key is a value that cannot work.
     * A refusal about one routing instance points at its entry of {@code routing-instance-list}.
     */
    static CommitFailure failure(final ConfigurationRejectedException e) {
        final var knob = e.knob() == null ? "" : e.knob();
        final String tag = switch (knob) {
            case "light" -> "operation-not-supported";
            case "authentication-mode" -> "invalid-value";
            default -> "resource-denied";
        };
        return new CommitFailure(tag, null, path(knob, e.instance()),
            e.getMessage());
    }

    /** The node a knob names: the routing instance's entry, the leaf or container of that name, or the server. */
    static YangInstanceIdentifier path(final String knob, final Optional<String> instance) {
        if (instance.isPresent()) {
            final var list = QName.create(MODULE, ROUTING_INSTANCE_LIST);
            return SERVER.node(list).node(NodeIdentifierWithPredicates.of(list, NAME, instance.orElseThrow()));
        }
        return switch (knob) {
            case "port", "authentication-mode", "light", ROUTING_INSTANCE_LIST ->
                SERVER.node(QName.create(MODULE, knob));
            default -> SERVER;
        };
    }
}
