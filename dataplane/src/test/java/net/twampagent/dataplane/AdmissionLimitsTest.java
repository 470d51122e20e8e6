package net.twampagent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import net.twampagent.dataplane.config.ClientPrefix;
import net.twampagent.dataplane.state.Refusal;
import net.twampagent.dataplane.state.ServerSnapshot;
import org.junit.jupiter.api.Test;

/** Every connection limit, on real sockets: the refused client gets a greeting with Modes 0 and is closed. */
class AdmissionLimitsTest extends ServerTestSupport {
    @Test
    void maximumConnectionsTwoRefusesTheThirdAndAdmitsAgainWhenOneCloses() throws Exception {
        start(config().maximumConnections(2).build());
        try (RawControl a = RawControl.ready(v4()); RawControl b = RawControl.ready(address("::1"))) {
            try (RawControl third = RawControl.connect(v4())) {
                assertEquals(0, third.greeting().modes());
                assertTrue(third.closedByServer());
            }
            final ServerSnapshot snapshot = server.snapshot();
            assertEquals(1, snapshot.refusals(Refusal.MAXIMUM_CONNECTIONS));
            assertEquals(2, snapshot.connections().size(), "the two admitted connections are undisturbed");
            a.send(request(40000, 0));
            assertEquals(0, a.acceptSession().accept());
        }
        await(() -> server.snapshot().connections().isEmpty(), "both closed");
        try (RawControl again = RawControl.connect(v4())) {
            assertEquals(1, again.greeting().modes());
        }
    }

    @Test
    void maximumConnectionsPerClientCountsPerAddress() throws Exception {
        start(config().maximumConnectionsPerClient(1).build());
        try (RawControl first = RawControl.ready(v4()); RawControl other = RawControl.ready(address("::1"));
                RawControl second = RawControl.connect(v4())) {
            assertEquals(0, second.greeting().modes());
            assertTrue(second.closedByServer());
            assertEquals(1, server.snapshot().refusals(Refusal.MAXIMUM_CONNECTIONS_PER_CLIENT));
            assertEquals(2, server.snapshot().connections().size());
        }
    }

    @Test
    void clientListAdmitsOnlyItsPrefixesIpv4AndIpv6() throws Exception {
        start(config().clientList(List.of(ClientPrefix.of(InetAddress.getByName("::1"), 128),
            ClientPrefix.of(InetAddress.getByName("10.0.0.0"), 8))).build());
        try (RawControl refused = RawControl.connect(v4())) {
            assertEquals(0, refused.greeting().modes());
            assertTrue(refused.closedByServer());
        }
        try (RawControl admitted = RawControl.connect(address("::1"))) {
            assertEquals(1, admitted.greeting().modes());
        }
        assertEquals(1, server.snapshot().refusals(Refusal.CLIENT_NOT_ALLOWED));
    }

    @Test
    void aDisabledServerRefusesEveryone() throws Exception {
        start(config().enabled(false).build());
        try (RawControl refused = RawControl.connect(v4())) {
            assertEquals(0, refused.greeting().modes());
            assertTrue(refused.closedByServer());
        }
        assertEquals(1, server.snapshot().refusals(Refusal.SERVER_DISABLED));
    }
}
