package net.twampagent.netconf.server;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import net.twampagent.netconf.datastore.ConfigStore;
import net.twampagent.netconf.datastore.Datastore;
import net.twampagent.netconf.datastore.OperationalStateProvider;
import net.twampagent.netconf.model.AgentModel;
import net.twampagent.netconf.operations.SessionRegistry;
import org.opendaylight.netconf.server.api.monitoring.Capability;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * {@code /netconf-state} of RFC 6022, composed when a client asks: capabilities, datastores with their locks,
 * the schemas get-schema serves, and the sessions. NETCONF clients (ODL, NSO) read the schema list to download
 * the models.
 */
final class MonitoringState implements OperationalStateProvider {
    static final QNameModule NCM = QNameModule.of("urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring",
        "2010-10-04");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final AgentModel model;
    private final Collection<Capability> capabilities;
    private final ConfigStore store;
    private final SessionRegistry sessions;
    private final java.util.function.LongFunction<java.util.Optional<Peer>> peers;

    MonitoringState(final AgentModel model, final Collection<Capability> capabilities, final ConfigStore store,
            final SessionRegistry sessions, final java.util.function.LongFunction<java.util.Optional<Peer>> peers) {
        this.peers = requireNonNull(peers);
        this.model = requireNonNull(model);
        this.capabilities = requireNonNull(capabilities);
        this.store = requireNonNull(store);
        this.sessions = requireNonNull(sessions);
    }

    @Override
    public Map<YangInstanceIdentifier, NormalizedNode> snapshot() {
        final var root = q("netconf-state");
        return Map.of(YangInstanceIdentifier.of(root), ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(NodeIdentifier.create(root))
            .withChild(capabilities())
            .withChild(datastores())
            .withChild(schemas())
            .withChild(sessions())
            .build());
    }

    private ContainerNode capabilities() {
        final var set = ImmutableNodes.newSystemLeafSetBuilder().withNodeIdentifier(id("capability"));
        for (var cap : capabilities) {
            set.withChild(ImmutableNodes.leafSetEntry(q("capability"), cap.getCapabilityUri()));
        }
        return container("capabilities").withChild(set.build()).build();
    }

    private ContainerNode datastores() {
        final var list = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id("datastore"));
        final var locks = store.locks();
        for (var ds : Datastore.values()) {
            final var entry = ImmutableNodes.newMapEntryBuilder()
                .withNodeIdentifier(NodeIdentifierWithPredicates.of(q("datastore"), q("name"), ds.xmlName()))
                .withChild(ImmutableNodes.leafNode(q("name"), ds.xmlName()));
            final var lock = locks.get(ds);
            if (lock != null) {
                entry.withChild(container("locks").withChild(ImmutableNodes.newChoiceBuilder()
                    .withNodeIdentifier(id("lock-type"))
                    .withChild(container("global-lock")
                        .withChild(ImmutableNodes.leafNode(q("locked-by-session"), Uint32.valueOf(lock.sessionId())))
                        .withChild(ImmutableNodes.leafNode(q("locked-time"), time(lock.since())))
                        .build())
                    .build()).build());
            }
            list.withChild(entry.build());
        }
        return container("datastores").withChild(list.build()).build();
    }

    private ContainerNode schemas() {
        final var list = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id("schema"));
        final var yang = q("yang");
        for (var module : model.context().getModules()) {
            final var version = module.getRevision().map(Object::toString).orElse("");
            list.withChild(ImmutableNodes.newMapEntryBuilder()
                .withNodeIdentifier(NodeIdentifierWithPredicates.of(q("schema"), Map.of(q("identifier"),
                    module.getName(), q("version"), version, q("format"), yang)))
                .withChild(ImmutableNodes.leafNode(q("identifier"), module.getName()))
                .withChild(ImmutableNodes.leafNode(q("version"), version))
                .withChild(ImmutableNodes.leafNode(q("format"), yang))
                .withChild(ImmutableNodes.leafNode(q("namespace"), module.getNamespace().toString()))
                .withChild(ImmutableNodes.newSystemLeafSetBuilder().withNodeIdentifier(id("location"))
                    .withChild(ImmutableNodes.leafSetEntry(q("location"), "NETCONF")).build())
                .build());
        }
        return container("schemas").withChild(list.build()).build();
    }

    private ContainerNode sessions() {
        final var list = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id("session"));
        for (var session : sessions.all()) {
            final var sid = Uint32.valueOf(session.id());
            final var entry = ImmutableNodes.newMapEntryBuilder()
                .withNodeIdentifier(NodeIdentifierWithPredicates.of(q("session"), q("session-id"), sid))
                .withChild(ImmutableNodes.leafNode(q("session-id"), sid))
                .withChild(ImmutableNodes.leafNode(q("login-time"), time(session.loginTime())));
            peers.apply(session.id()).ifPresent(peer -> {
                if (peer.ssh()) {
                    entry.withChild(ImmutableNodes.leafNode(q("transport"), q("netconf-ssh")));
                }
                if (peer.username() != null) {
                    entry.withChild(ImmutableNodes.leafNode(q("username"), peer.username()));
                }
                if (peer.address() != null) {
                    entry.withChild(ImmutableNodes.leafNode(q("source-host"),
                        peer.address().getAddress().getHostAddress()));
                }
            });
            list.withChild(entry.build());
        }
        return container("sessions").withChild(list.build()).build();
    }

    private static ContainerNode.Builder container(final String name) {
        final var builder = ImmutableNodes.newContainerBuilder();
        builder.withNodeIdentifier(id(name));
        return builder;
    }

    private static String time(final Instant instant) {
        return TIME.format(instant.atOffset(ZoneOffset.UTC).withNano(0));
    }

    private static NodeIdentifier id(final String name) {
        return NodeIdentifier.create(q(name));
    }

    private static QName q(final String name) {
        return QName.create(NCM, name);
    }
}
