package net.twampagent.netconf.operations;

import static java.util.Objects.requireNonNull;

import java.util.List;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import net.twampagent.netconf.rpc.RpcReplies;
import org.opendaylight.netconf.api.NamespaceURN;
import org.opendaylight.netconf.api.NetconfSession;
import org.opendaylight.netconf.server.api.operations.HandlingPriority;
import org.opendaylight.netconf.server.api.operations.NetconfOperationChainedExecution;
import org.opendaylight.netconf.server.api.operations.SessionAwareNetconfOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The base of every operation of the agent: matches its element, runs it, and writes either its result or its
 * {@link RpcException}'s errors as the reply. ODL's own operation bases report errors through its
 * DocumentedException, which has no error-path or error-app-tag, so the agent builds its replies itself.
 */
public abstract class AgentOperation implements SessionAwareNetconfOperation {
    /** Above ODL's catch-all priority, below its singletons (close-session, start-exi). */
    static final HandlingPriority PRIORITY = HandlingPriority.HANDLE_WITH_DEFAULT_PRIORITY.increasePriority(1000);

    private static final Logger LOG = LoggerFactory.getLogger(AgentOperation.class);

    private final String name;
    private final String namespace;
    private final SessionContext session;

    protected AgentOperation(final String name, final String namespace, final SessionContext session) {
        this.name = requireNonNull(name);
        this.namespace = requireNonNull(namespace);
        this.session = requireNonNull(session);
    }

    protected AgentOperation(final String name, final SessionContext session) {
        this(name, NamespaceURN.BASE, session);
    }

    protected final SessionContext session() {
        return session;
    }

    @Override
    public HandlingPriority canHandle(final Document message) {
        final var op = Xml.operationOf(message);
        return op != null && name.equals(op.getLocalName()) && namespace.equals(op.getNamespaceURI())
            ? priority() : null;
    }

    protected HandlingPriority priority() {
        return PRIORITY;
    }

    @Override
    @SuppressWarnings("checkstyle:IllegalCatch")
    public final Document handle(final Document request, final NetconfOperationChainedExecution subsequent) {
        final var rpc = request.getDocumentElement();
        final var operation = Xml.operationOf(request);
        final var reply = RpcReplies.newReply(rpc);
        try {
            execute(operation, reply.getDocumentElement());
            return reply;
        } catch (RpcException e) {
            dropFilter(operation);
            return RpcReplies.errors(rpc, e.errors());
        } catch (RuntimeException e) {
            LOG.error("Operation {} of session {} failed", name, session.id(), e);
            return RpcReplies.errors(rpc, List.of(RpcError.application("operation-failed",
                "the agent could not complete " + name + " because of an internal error; its log has the details")));
        }
    }

    /**
     * ODL's session layer applies a get or get-config's subtree filter to the reply and fails on a reply without
     * {@code <data>}; an error reply must reach the client as it is.
     */
    private static void dropFilter(final Element operation) {
        Xml.child(operation, "filter").ifPresent(filter -> operation.removeChild(filter));
    }

    @Override
    public void setSession(final NetconfSession netconfSession) {
        session.attach(netconfSession);
    }

    /**
     * Runs the operation.
     *
     * @param operation the operation's element, e.g. {@code <get-config>}
     * @param reply     the {@code <rpc-reply>} to fill ({@code <ok/>} or {@code <data>})
     */
    protected abstract void execute(Element operation, Element reply) throws RpcException;

    protected static void ok(final Element reply) {
        reply.appendChild(reply.getOwnerDocument().createElementNS(NamespaceURN.BASE, "ok"));
    }

    protected static Element data(final Element reply) {
        final var data = reply.getOwnerDocument().createElementNS(NamespaceURN.BASE, "data");
        reply.appendChild(data);
        return data;
    }
}
