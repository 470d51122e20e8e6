package net.twampagent.yang;

import static net.twampagent.yang.ConfigurationNodesTest.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.NotificationDefinition;
import org.opendaylight.yangtools.yang.model.api.RpcDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.StringTypeDefinition;

/**
 * The read-only state, the clear-connection RPC and the two notifications have every node the agent fills in,
 * with the enumerations it reports; the NETCONF mapper and the it/ tests are written against these names.
 */
class StateAndOperationsTest {
    private static DataSchemaNode child(final DataNodeContainer parent, final String path) {
        DataNodeContainer current = parent;
        DataSchemaNode node = null;
        for (String name : path.split("/")) {
            node = current.findDataTreeChild(q(name)).orElseThrow(() -> new AssertionError("no node " + path));
            current = node instanceof DataNodeContainer container ? container : null;
        }
        return node;
    }

    private static DataNodeContainer serverState() {
        return assertInstanceOf(DataNodeContainer.class,
            ModelContexts.context().findDataTreeChild(q("twamp"), q("server-state")).orElseThrow());
    }

    private static List<String> enumNames(final DataSchemaNode node) {
        return assertInstanceOf(EnumTypeDefinition.class, assertInstanceOf(LeafSchemaNode.class, node).getType())
            .getValues().stream().map(EnumTypeDefinition.EnumPair::getName).toList();
    }

    @Test
    void serverStateIsReadOnly() {
        assertFalse(assertInstanceOf(DataSchemaNode.class, serverState()).isConfiguration());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "status", "start-time",
        "listening-endpoint/routing-instance", "listening-endpoint/address", "listening-endpoint/port",
        "listening-endpoint/namespace-status",
        "connection/id", "connection/client-address", "connection/client-port", "connection/server-address",
        "connection/server-port", "connection/routing-instance", "connection/mode", "connection/state",
        "connection/key-id", "connection/established-time", "connection/last-activity", "connection/session-count",
        "session/sid", "session/connection-id", "session/routing-instance", "session/sender-address",
        "session/sender-port",
        "session/reflector-address", "session/reflector-port", "session/dscp", "session/padding-length",
        "session/state", "session/packets-received", "session/packets-reflected", "session/packets-dropped",
        "session/last-sender-sequence", "session/last-reflector-sequence", "session/residence-time/min",
        "session/residence-time/avg", "session/residence-time/max",
        "counters/connections-accepted", "counters/connections-refused/client-list",
        "counters/connections-refused/maximum-connections",
        "counters/connections-refused/maximum-connections-per-client",
        "counters/connections-refused/server-disabled", "counters/sessions-accepted",
        "counters/sessions-refused/maximum-sessions", "counters/sessions-refused/maximum-sessions-per-connection",
        "counters/sessions-refused/no-port", "counters/sessions-refused/not-supported",
        "counters/packets-dropped/unknown-sender", "counters/packets-dropped/too-short",
        "counters/packets-dropped/after-stop", "counters/packets-dropped/not-started",
        "counters/packets-dropped/bad-hmac", "counters/packets-dropped/send-failed",
        "counters/protocol-errors",
        "counters/authentication-failures/unknown-key-id", "counters/authentication-failures/control-hmac",
        "counters/authentication-failures/key-id/id",
        "counters/authentication-failures/key-id/failures", "counters/timeouts/server-inactivity",
        "counters/timeouts/max-connection-duration", "counters/timeouts/reflector-inactivity"})
    void stateLeafExists(final String path) {
        final LeafSchemaNode leaf = assertInstanceOf(LeafSchemaNode.class, child(serverState(), path));
        assertFalse(leaf.isConfiguration(), path);
        assertTrue(leaf.getDescription().isPresent(), path + " has a description");
    }

    @Test
    void stateEnumerationsAndKeys() {
        assertEquals(List.of("up", "down", "disabled"), enumNames(child(serverState(), "status")));
        assertEquals(List.of("setup", "active", "testing"), enumNames(child(serverState(), "connection/state")));
        assertEquals(List.of("accepted", "started", "stopping"), enumNames(child(serverState(), "session/state")));
        assertEquals(List.of("present", "deleted", "replaced"),
            enumNames(child(serverState(), "listening-endpoint/namespace-status")));
        assertEquals(List.of(q("routing-instance"), q("address"), q("port")),
            assertInstanceOf(ListSchemaNode.class, child(serverState(), "listening-endpoint")).getKeyDefinition());
        assertEquals(List.of(q("id")),
            assertInstanceOf(ListSchemaNode.class, child(serverState(), "connection")).getKeyDefinition());
        assertEquals(List.of(q("sid")),
            assertInstanceOf(ListSchemaNode.class, child(serverState(), "session")).getKeyDefinition());
        final StringTypeDefinition sid = assertInstanceOf(StringTypeDefinition.class,
            assertInstanceOf(LeafSchemaNode.class, child(serverState(), "session/sid")).getType());
        assertEquals(List.of("^(?:[0-9a-f]{32})$"),
            sid.getPatternConstraints().stream().map(p -> p.getJavaPatternString()).toList());
    }

    @Test
    void clearConnectionTakesOneIdOrAllAndCountsWhatItClosed() {
        final RpcDefinition rpc = ModelContexts.context().getOperations().stream()
            .filter(r -> r.getQName().equals(q("clear-connection"))).findFirst().orElseThrow();
        final ChoiceSchemaNode target = assertInstanceOf(ChoiceSchemaNode.class,
            rpc.getInput().getDataChildByName(q("target")));
        assertTrue(target.isMandatory());
        assertEquals(List.of("connection-id", "all"),
            target.getCases().stream().map(c -> c.getQName().getLocalName()).toList());
        assertInstanceOf(LeafSchemaNode.class, rpc.getOutput().getDataChildByName(q("cleared")));
    }

    @Test
    void notificationsCarryTheirReasons() {
        final NotificationDefinition closed = ModelContexts.context().findNotification(q("connection-closed"))
            .orElseThrow();
        assertEquals(List.of("client-closed", "server-inactivity", "max-connection-duration", "cleared",
            "client-list", "protocol-error", "authentication-failure", "control-hmac-failure", "server-stopped",
            "routing-instance-removed"),
            enumNames(closed.getDataChildByName(q("reason"))));
        assertEquals(names("connection-id client-address client-port routing-instance reason session-count duration"),
            closed.getChildNodes().stream().map(DataSchemaNode::getQName).toList());
        final NotificationDefinition ended = ModelContexts.context().findNotification(q("session-ended"))
            .orElseThrow();
        assertEquals(List.of("stopped", "reflector-inactivity", "connection-closed", "cleared"),
            enumNames(ended.getDataChildByName(q("reason"))));
        assertEquals(names("sid connection-id reason packets-received packets-reflected packets-dropped"),
            ended.getChildNodes().stream().map(DataSchemaNode::getQName).toList());
    }

    private static List<QName> names(final String spaced) {
        return Arrays.stream(spaced.split(" ")).map(ConfigurationNodesTest::q).toList();
    }
}
