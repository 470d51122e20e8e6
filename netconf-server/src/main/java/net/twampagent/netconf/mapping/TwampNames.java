package net.twampagent.netconf.mapping;

import net.twampagent.yang.TwampServerModel;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;

/** Names of the twamp-server module's nodes, built from the module's own namespace and revision. */
final class TwampNames {
    static final QNameModule MODULE = QNameModule.ofRevision(TwampServerModel.NAMESPACE, TwampServerModel.REVISION);

    static final QName TWAMP = name("twamp");
    static final QName SERVER = name("server");
    static final QName SERVER_STATE = name("server-state");

    /** {@code /twamp/server}: where configuration errors point when no finer node is at fault. */
    static final YangInstanceIdentifier SERVER_PATH = YangInstanceIdentifier.of(TWAMP, SERVER);

    private TwampNames() {
    }

    /** The QName of a node of the twamp-server module. */
    static QName name(final String localName) {
        return QName.create(MODULE, localName).intern();
    }

    /** The path argument of a container, leaf or list node. */
    static NodeIdentifier id(final QName name) {
        return NodeIdentifier.create(name);
    }
}
