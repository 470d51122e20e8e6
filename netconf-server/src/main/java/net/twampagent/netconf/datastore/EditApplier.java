package net.twampagent.netconf.datastore;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import net.twampagent.netconf.rpc.ErrorPath;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;

/**
 * Applies resolved edit nodes to a data tree modification with the semantics of RFC 6241 section 7.2: create
 * fails on existing data, delete on missing data, remove never fails, replace overwrites, merge merges.
 */
final class EditApplier {
    private final DataCodec codec;

    EditApplier(final DataCodec codec) {
        this.codec = requireNonNull(codec);
    }

    /**
     * Applies every node; with {@code continueOnError} a failing top-level node is skipped and its error kept.
     *
     * @return the errors of skipped nodes (empty unless {@code continueOnError})
     * @throws RpcException on the first error, unless {@code continueOnError}
     */
    List<RpcError> apply(final List<EditNode> nodes, final EditOperation defaultOperation,
            final DataTreeModification mod, final boolean continueOnError) throws RpcException {
        final var skipped = new ArrayList<RpcError>();
        for (var node : nodes) {
            try {
                apply(node, defaultOperation, mod);
            } catch (RpcException e) {
                if (!continueOnError) {
                    throw e;
                }
                skipped.addAll(e.errors());
            }
        }
        return skipped;
    }

    private void apply(final EditNode node, final EditOperation inherited, final DataTreeModification mod)
            throws RpcException {
        final var op = node.operation() != null ? node.operation() : inherited;
        final var exists = mod.readNode(node.path()).isPresent();
        try {
            switch (op) {
                case DELETE -> {
                    if (!exists) {
                        throw error("data-missing", "there is no '" + node.element().getLocalName()
                            + "' to delete", node).toException();
                    }
                    mod.delete(node.path());
                }
                case REMOVE -> {
                    if (exists) {
                        mod.delete(node.path());
                    }
                }
                case CREATE -> {
                    if (exists) {
                        throw error("data-exists", "'" + node.element().getLocalName()
                            + "' already exists", node).withInfo("bad-element", node.element().getLocalName()).toException();
                    }
                    write(node, op, mod);
                }
                case MERGE, REPLACE -> write(node, op, mod);
                case NONE -> {
                    if (node.createsBelow(op)) {
                        mod.merge(node.path(), node.skeleton());
                    }
                    for (var child : node.children()) {
                        apply(child, op, mod);
                    }
                }
                default -> throw new IllegalStateException(op.toString());
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw error("invalid-value", "'" + node.element().getLocalName() + "' cannot be set here: "
                + e.getMessage(), node).toException();
        }
    }

    private void write(final EditNode node, final EditOperation op, final DataTreeModification mod)
            throws RpcException {
        if (!node.hasOperationBelow()) {
            final var content = content(node);
            if (op == EditOperation.MERGE) {
                mod.merge(node.path(), content);
            } else {
                mod.write(node.path(), content);
            }
            return;
        }
        if (op == EditOperation.REPLACE) {
            mod.write(node.path(), node.skeleton());
        } else {
            mod.merge(node.path(), node.skeleton());
        }
        for (var child : node.children()) {
            apply(child, op == EditOperation.CREATE ? EditOperation.MERGE : op, mod);
        }
    }

    private NormalizedNode content(final EditNode node) throws RpcException {
        if (node.children().isEmpty() && node.skeleton() != null) {
            return node.skeleton();
        }
        try {
            return EditParser.single(codec.parse(node.element(), node.schema()));
        } catch (IllegalArgumentException e) {
            throw error("invalid-value", e.getMessage(), node).toException();
        }
    }

    private RpcError error(final String tag, final String message, final EditNode node) {
        return RpcError.application(tag, message).at(ErrorPath.of(codec.context(), node.path()));
    }
}
