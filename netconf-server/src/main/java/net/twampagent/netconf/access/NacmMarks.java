package net.twampagent.netconf.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.DataTreeAwareEffectiveStatement;

/**
 * The data nodes the model marks with RFC 8341's {@code default-deny-all} or {@code default-deny-write}, as schema
 * paths (a list or leaf-list named once). The marks are read from the declared statements too, because
 * yangtools keeps an extension it has no support for only there.
 */
final class NacmMarks {
    private static final XMLNamespace NACM = XMLNamespace.of("urn:ietf:params:xml:ns:yang:ietf-netconf-acm");
    private static final String DENY_ALL = "default-deny-all";
    private static final String DENY_WRITE = "default-deny-write";

    private final Set<List<QName>> denyAll = new HashSet<>();
    private final Set<List<QName>> denyWrite = new HashSet<>();
    /** Every path on the way to a mark, to walk data only where a mark can be. */
    private final Set<List<QName>> leadingToMark = new HashSet<>();

    private NacmMarks() {
    }

    static NacmMarks of(final EffectiveModelContext context) {
        final var marks = new NacmMarks();
        for (var module : context.getModuleStatements().values()) {
            marks.walk(module, List.of());
        }
        return marks;
    }

    private void walk(final DataTreeAwareEffectiveStatement<?, ?> parent, final List<QName> parentPath) {
        for (var child : parent.dataTreeNodes()) {
            final var path = new ArrayList<>(parentPath);
            path.add(child.argument());
            final var fixed = List.copyOf(path);
            if (marked(child, DENY_ALL)) {
                denyAll.add(fixed);
                lead(fixed);
            } else if (marked(child, DENY_WRITE)) {
                denyWrite.add(fixed);
                lead(fixed);
            }
            if (child instanceof DataTreeAwareEffectiveStatement<?, ?> container) {
                walk(container, fixed);
            }
        }
    }

    private void lead(final List<QName> path) {
        for (int i = 1; i <= path.size(); i++) {
            leadingToMark.add(path.subList(0, i));
        }
    }

    private static boolean marked(final EffectiveStatement<?, ?> statement, final String mark) {
        for (var sub : statement.effectiveSubstatements()) {
            if (isMark(sub.statementDefinition().getStatementName(), mark)) {
                return true;
            }
        }
        final var declared = statement.getDeclared();
        if (declared != null) {
            for (var sub : declared.declaredSubstatements()) {
                if (isMark(sub.statementDefinition().getStatementName(), mark)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isMark(final QName name, final String mark) {
        return NACM.equals(name.getNamespace()) && mark.equals(name.getLocalName());
    }

    /** Whether the node at {@code path}, or one above it, may be read only by the recovery session. */
    boolean readDenied(final List<QName> path) {
        return coveredBy(denyAll, path);
    }

    /** Whether the node at {@code path}, or one above it, may be written only by the recovery session. */
    boolean writeDenied(final List<QName> path) {
        return coveredBy(denyAll, path) || coveredBy(denyWrite, path);
    }

    /** Whether a marked node is at or below {@code path}, or above it. */
    boolean concerns(final List<QName> path) {
        return leadingToMark.contains(path) || writeDenied(path);
    }

    /** The paths marked default-deny-all. */
    Set<List<QName>> readDeniedPaths() {
        return Set.copyOf(denyAll);
    }

    boolean isEmpty() {
        return denyAll.isEmpty() && denyWrite.isEmpty();
    }

    private static boolean coveredBy(final Set<List<QName>> marks, final List<QName> path) {
        for (int i = 1; i <= path.size(); i++) {
            if (marks.contains(path.subList(0, i))) {
                return true;
            }
        }
        return false;
    }
}
