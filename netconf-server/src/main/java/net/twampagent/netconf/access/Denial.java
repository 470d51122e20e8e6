package net.twampagent.netconf.access;

import net.twampagent.netconf.rpc.ErrorPath;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The {@code access-denied} of a write to a protected node. Its error-type is application, as for every data
 * node RFC 8341 section 3.4.5 protects (protocol is for operations a user may not invoke); it names the node but
 * never its value.
 */
final class Denial {
    private final EffectiveModelContext context;

    Denial(final EffectiveModelContext context) {
        this.context = context;
    }

    RpcException at(final YangInstanceIdentifier path) {
        final var name = path.isEmpty() ? "/" : path.getLastPathArgument().getNodeType().getLocalName();
        return RpcError.application("access-denied", "'" + name + "' is sensitive (nacm:default-deny-all or "
            + "default-deny-write): only members of the group '" + net.twampagent.netconf.auth.GroupStore.ADMIN
            + "' may change it").at(ErrorPath.of(context, path)).toException();
    }
}
