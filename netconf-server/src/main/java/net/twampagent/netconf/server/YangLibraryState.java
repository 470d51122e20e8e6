package net.twampagent.netconf.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import net.twampagent.netconf.datastore.Datastore;
import net.twampagent.netconf.datastore.OperationalStateProvider;
import net.twampagent.netconf.model.AgentModel;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.Module;

/**
 * The YANG library of RFC 8525 ({@code /yang-library}) and its RFC 7895 form ({@code /modules-state}): which
 * modules the agent implements and which it only imports. The model never changes while the agent runs, so the
 * answer is built once.
 */
final class YangLibraryState implements OperationalStateProvider {
    static final QNameModule YANGLIB = QNameModule.of("urn:ietf:params:xml:ns:yang:ietf-yang-library", "2019-01-04");
    static final QNameModule DS = QNameModule.of("urn:ietf:params:xml:ns:yang:ietf-datastores", "2018-02-14");
    private static final String SET = "all";

    private final String contentId;
    private final Map<YangInstanceIdentifier, NormalizedNode> state;

    private YangLibraryState(final String contentId, final Map<YangInstanceIdentifier, NormalizedNode> state) {
        this.contentId = contentId;
        this.state = state;
    }

    static YangLibraryState of(final AgentModel model) {
        final var modules = new TreeMap<String, Module>();
        model.context().getModules().forEach(m -> modules.put(m.getName(), m));
        final var contentId = contentId(modules);
        final var implemented = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id("module"));
        final var importOnly = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id("import-only-module"));
        final var legacy = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id("module"));
        for (var module : modules.values()) {
            final var revision = module.getRevision().map(Object::toString).orElse("");
            final var ns = module.getNamespace().toString();
            final var implement = implemented(module);
            if (implement) {
                implemented.withChild(ImmutableNodes.newMapEntryBuilder()
                    .withNodeIdentifier(NodeIdentifierWithPredicates.of(q("module"), q("name"), module.getName()))
                    .withChild(ImmutableNodes.leafNode(q("name"), module.getName()))
                    .withChild(ImmutableNodes.leafNode(q("revision"), revision))
                    .withChild(ImmutableNodes.leafNode(q("namespace"), ns))
                    .build());
            } else {
                importOnly.withChild(ImmutableNodes.newMapEntryBuilder()
                    .withNodeIdentifier(NodeIdentifierWithPredicates.of(q("import-only-module"),
                        Map.of(q("name"), module.getName(), q("revision"), revision)))
                    .withChild(ImmutableNodes.leafNode(q("name"), module.getName()))
                    .withChild(ImmutableNodes.leafNode(q("revision"), revision))
                    .withChild(ImmutableNodes.leafNode(q("namespace"), ns))
                    .build());
            }
            legacy.withChild(ImmutableNodes.newMapEntryBuilder()
                .withNodeIdentifier(NodeIdentifierWithPredicates.of(q("module"),
                    Map.of(q("name"), module.getName(), q("revision"), revision)))
                .withChild(ImmutableNodes.leafNode(q("name"), module.getName()))
                .withChild(ImmutableNodes.leafNode(q("revision"), revision))
                .withChild(ImmutableNodes.leafNode(q("namespace"), ns))
                .withChild(ImmutableNodes.leafNode(q("conformance-type"), implement ? "implement" : "import"))
                .build());
        }
        final var datastores = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id("datastore"));
        for (var ds : Datastore.values()) {
            final var name = QName.create(DS, ds.xmlName());
            datastores.withChild(ImmutableNodes.newMapEntryBuilder()
                .withNodeIdentifier(NodeIdentifierWithPredicates.of(q("datastore"), q("name"), name))
                .withChild(ImmutableNodes.leafNode(q("name"), name))
                .withChild(ImmutableNodes.leafNode(q("schema"), SET))
                .build());
        }
        final var library = ImmutableNodes.newContainerBuilder().withNodeIdentifier(id("yang-library"))
            .withChild(ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id("module-set"))
                .withChild(ImmutableNodes.newMapEntryBuilder()
                    .withNodeIdentifier(NodeIdentifierWithPredicates.of(q("module-set"), q("name"), SET))
                    .withChild(ImmutableNodes.leafNode(q("name"), SET))
                    .withChild(implemented.build())
                    .withChild(importOnly.build())
                    .build())
                .build())
            .withChild(ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id("schema"))
                .withChild(ImmutableNodes.newMapEntryBuilder()
                    .withNodeIdentifier(NodeIdentifierWithPredicates.of(q("schema"), q("name"), SET))
                    .withChild(ImmutableNodes.leafNode(q("name"), SET))
                    .withChild(ImmutableNodes.newSystemLeafSetBuilder().withNodeIdentifier(id("module-set"))
                        .withChild(ImmutableNodes.leafSetEntry(q("module-set"), SET)).build())
                    .build())
                .build())
            .withChild(datastores.build())
            .withChild(ImmutableNodes.leafNode(q("content-id"), contentId))
            .build();
        final var modulesState = ImmutableNodes.newContainerBuilder().withNodeIdentifier(id("modules-state"))
            .withChild(ImmutableNodes.leafNode(q("module-set-id"), contentId))
            .withChild(legacy.build())
            .build();
        return new YangLibraryState(contentId, Map.of(
            YangInstanceIdentifier.of(q("yang-library")), library,
            YangInstanceIdentifier.of(q("modules-state")), modulesState));
    }

    /** Changes whenever the set of modules does, as RFC 8525 asks of content-id. */
    String contentId() {
        return contentId;
    }

    @Override
    public Map<YangInstanceIdentifier, NormalizedNode> snapshot() {
        return state;
    }

    private static boolean implemented(final Module module) {
        return !module.getChildNodes().isEmpty() || !module.getRpcs().isEmpty()
            || !module.getNotifications().isEmpty();
    }

    private static String contentId(final Map<String, Module> modules) {
        try {
            final var digest = MessageDigest.getInstance("SHA-256");
            for (var module : modules.values()) {
                digest.update((module.getName() + '@' + module.getRevision().map(Object::toString).orElse("") + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static NodeIdentifier id(final String name) {
        return NodeIdentifier.create(q(name));
    }

    private static QName q(final String name) {
        return QName.create(YANGLIB, name);
    }
}
