package net.twampagent.netconf.access;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.LongFunction;
import net.twampagent.netconf.auth.GroupStore;
import net.twampagent.netconf.datastore.EditOperation;
import net.twampagent.netconf.rpc.ErrorPath;
import net.twampagent.netconf.rpc.RpcException;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.opendaylight.yangtools.yang.data.tree.api.TreeType;
import org.opendaylight.yangtools.yang.data.tree.impl.di.InMemoryDataTreeFactory;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.w3c.dom.Element;

/**
 * What each session may read and write. A session is unrestricted when it is the recovery session (the
 * test-only loopback TCP listener) or its SSH user is in the group {@value GroupStore#ADMIN}; for every other
 * session, nodes marked {@code nacm:default-deny-all} are silently left out of what it reads (RFC 8341 section
 * 3.4.5), and writing them, or those marked {@code nacm:default-deny-write}, is {@code access-denied}.
 */
public final class AccessControl {
    private static final InMemoryDataTreeFactory TREES = new InMemoryDataTreeFactory();
    /** Pruned replies need not be complete: a mandatory leaf left out is what the reader is meant to see. */
    private static final DataTreeConfiguration PRUNING = new DataTreeConfiguration.Builder(TreeType.OPERATIONAL)
        .setMandatoryNodesValidation(false).setUniqueIndexes(false).build();

    private final EffectiveModelContext context;
    private final GroupStore groups;
    private final LongFunction<Requester> requesters;
    private final MarkedData readDenied;
    private final MarkedData writeDenied;
    private final EditAccessCheck edits;
    private final Denial denial;
    private final List<String> readDeniedXpaths;

    /**
     * Creates the access control of an agent.
     *
     * @param context    the served model, whose marks are read once here
     * @param groups     the users' groups, read again when they change
     * @param requesters who is behind a session-id
     */
    public AccessControl(final EffectiveModelContext context, final GroupStore groups,
            final LongFunction<Requester> requesters) {
        this.context = requireNonNull(context);
        this.groups = requireNonNull(groups);
        this.requesters = requireNonNull(requesters);
        final var marks = NacmMarks.of(context);
        readDenied = new MarkedData(marks, marks::readDenied);
        writeDenied = new MarkedData(marks, marks::writeDenied);
        denial = new Denial(context);
        edits = new EditAccessCheck(context, marks, denial);
        readDeniedXpaths = marks.readDeniedPaths().stream()
            .map(path -> ErrorPath.of(context, YangInstanceIdentifier.of(path.stream().map(NodeIdentifier::create)
                .toList())).xpath())
            .toList();
    }

    /** Whether a session may read and write everything. */
    public boolean unrestricted(final long sessionId) {
        final var requester = requesters.apply(sessionId);
        return requester.recovery() || groups.isMember(requester.user(), GroupStore.ADMIN);
    }

    /** The data a session may read: {@code data} without the nodes it may not read. */
    public ContainerNode readable(final long sessionId, final ContainerNode data) {
        if (unrestricted(sessionId)) {
            return data;
        }
        final var hidden = readDenied.inRoot(data);
        if (hidden.isEmpty()) {
            return data;
        }
        final var tree = TREES.create(PRUNING, context);
        final var mod = tree.takeSnapshot().newModification();
        mod.write(YangInstanceIdentifier.of(), data);
        hidden.keySet().forEach(mod::delete);
        mod.ready();
        try {
            tree.validate(mod);
            tree.commit(tree.prepare(mod));
        } catch (DataValidationFailedException e) {
            throw new IllegalStateException("data read from a datastore no longer fits its model", e);
        }
        return (ContainerNode) tree.takeSnapshot().readNode(YangInstanceIdentifier.of()).orElseThrow();
    }

    /**
     * Checks an edit-config before it is applied.
     *
     * @param target the datastore it edits, as it is now
     * @throws RpcException {@code access-denied} at the first protected node it would write
     */
    public void checkEdit(final long sessionId, final Element config, final EditOperation defaultOperation,
            final ContainerNode target) throws RpcException {
        if (!unrestricted(sessionId)) {
            edits.check(config, defaultOperation, target);
        }
    }

    /**
     * Checks that replacing a whole datastore (copy-config, rollback) leaves every protected node as it is, the
     * only change of them a restricted session could make.
     *
     * @throws RpcException {@code access-denied} at the first protected node that would change
     */
    public void checkReplace(final long sessionId, final ContainerNode current, final ContainerNode replacement)
            throws RpcException {
        if (unrestricted(sessionId)) {
            return;
        }
        final var before = writeDenied.inRoot(current);
        final var after = writeDenied.inRoot(replacement);
        for (var entry : before.entrySet()) {
            if (!entry.getValue().equals(after.get(entry.getKey()))) {
                throw denial.at(entry.getKey());
            }
        }
        for (var path : after.keySet()) {
            if (!before.containsKey(path)) {
                throw denial.at(path);
            }
        }
    }

    /**
     * Whether a session may see a change of the commit history, given as {@code "operation path"}: a change at or
     * below a node it may not read is left out, so that not even the fact of it shows.
     */
    public boolean mayReadChange(final long sessionId, final String change) {
        if (readDeniedXpaths.isEmpty() || unrestricted(sessionId)) {
            return true;
        }
        final var path = withoutPredicates(change.substring(change.indexOf(' ') + 1));
        return readDeniedXpaths.stream().noneMatch(denied -> path.equals(denied) || path.startsWith(denied + "/"));
    }

    /** An error-path without its key predicates, whose quoted values may hold any character. */
    private static String withoutPredicates(final String xpath) {
        final var sb = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < xpath.length(); i++) {
            final var c = xpath.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (depth > 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (depth == 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
