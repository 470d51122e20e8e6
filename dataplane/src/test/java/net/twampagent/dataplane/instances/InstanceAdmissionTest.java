package net.twampagent.dataplane.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import net.twampagent.dataplane.client.TwampClient;
import net.twampagent.dataplane.client.TwampProtocolException;
import net.twampagent.dataplane.config.ClientPrefix;
import net.twampagent.dataplane.netns.TestNamespace;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.Refusal;
import net.twampagent.dataplane.wire.AcceptCode;
import org.junit.jupiter.api.Test;

/**
 * The client-list and the limits across routing instances: an entry bound to instances admits only there; the
 * connection and session limits count every instance together (Junos: per server); the per-client limit counts an
 * address in each instance apart, the same address in two namespaces being two hosts.
 */
class InstanceAdmissionTest extends InstanceTestSupport {

    @Test
    void aClientListEntryBoundToAnInstanceAdmitsOnlyThere() throws Exception {
        final TestNamespace a = namespace();
        final TestNamespace b = namespace();
        start(config(instance(a, PORT), instance(b, PORT))
            .clientList(List.of(new ClientPrefix(LOOPBACK, 8, Set.of(a.name())))).build());
        try (TwampClient inA = connectIn(a, PORT)) {
            final TwampProtocolException refused = assertThrows(TwampProtocolException.class, () -> connectIn(b, PORT));
            assertEquals("the server refused the connection (greeting with Modes 0)", refused.getMessage());
            assertEquals(1, server.snapshot().refusals(Refusal.CLIENT_NOT_ALLOWED));

            final ClientPrefix onlyInB = new ClientPrefix(LOOPBACK, 8, Set.of(b.name()));
            server.apply(config(instance(a, PORT), instance(b, PORT)).clientList(List.of(onlyInB)).build());
            assertEquals(a.name(), nextClose(CloseReason.CLIENT_LIST_CHANGED).connection().instance());
            connectIn(b, PORT).close();
        }
    }

    @Test
    void theConnectionLimitCountsEveryInstance() throws Exception {
        final TestNamespace[] ab = startInTwo(settings -> settings.maximumConnections(1));
        try (TwampClient inA = connectIn(ab[0], PORT)) {
            assertThrows(TwampProtocolException.class, () -> connectIn(ab[1], PORT));
            assertEquals(1, server.snapshot().refusals(Refusal.MAXIMUM_CONNECTIONS));
        }
    }

    @Test
    void theSessionLimitCountsEveryInstance() throws Exception {
        final TestNamespace[] ab = startInTwo(settings -> settings.maximumSessions(1));
        try (TwampClient inA = connectIn(ab[0], PORT); TwampClient inB = connectIn(ab[1], PORT)) {
            requestIn(ab[0], inA);
            final TwampProtocolException refused =
                assertThrows(TwampProtocolException.class, () -> requestIn(ab[1], inB));
            assertEquals(AcceptCode.TEMPORARY_LIMIT, refused.accept());
            assertEquals(1, server.snapshot().refusals(Refusal.MAXIMUM_SESSIONS));
        }
    }

    @Test
    void thePerClientLimitCountsTheSameAddressInEachInstanceApart() throws Exception {
        final TestNamespace[] ab = startInTwo(settings -> settings.maximumConnectionsPerClient(1));
        try (TwampClient inA = connectIn(ab[0], PORT); TwampClient inB = connectIn(ab[1], PORT)) {
            assertEquals(2, server.snapshot().connections().size(), "127.0.0.1 in a and 127.0.0.1 in b");
            assertThrows(TwampProtocolException.class, () -> connectIn(ab[0], PORT));
            assertEquals(1, server.snapshot().refusals(Refusal.MAXIMUM_CONNECTIONS_PER_CLIENT));
        }
    }
}
