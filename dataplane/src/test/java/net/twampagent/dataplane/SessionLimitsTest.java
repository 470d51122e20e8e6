package net.twampagent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import net.twampagent.dataplane.state.Refusal;
import net.twampagent.dataplane.wire.AcceptCode;
import net.twampagent.dataplane.wire.AcceptSession;
import org.junit.jupiter.api.Test;

/** Session limits and port choice: refused sessions get Accept 5 with Port 0; other sessions go on. */
class SessionLimitsTest extends ServerTestSupport {
    @Test
    void maximumSessionsPerConnectionRefusesTheNextWithAccept5() throws Exception {
        start(config().maximumSessionsPerConnection(2).build());
        try (RawControl raw = RawControl.ready(v4()); RawControl other = RawControl.ready(v4())) {
            raw.send(request(40001, 0));
            assertEquals(0, raw.acceptSession().accept());
            raw.send(request(40002, 0));
            assertEquals(0, raw.acceptSession().accept());
            raw.send(request(40003, 0));
            final AcceptSession refused = raw.acceptSession();
            assertEquals(AcceptCode.TEMPORARY_LIMIT, refused.accept());
            assertEquals(0, refused.port());
            other.send(request(40004, 0));
            assertEquals(0, other.acceptSession().accept(), "the limit is per connection");
            assertEquals(1, server.snapshot().refusals(Refusal.MAXIMUM_SESSIONS_PER_CONNECTION));
            assertEquals(3, server.snapshot().sessions().size());
        }
    }

    @Test
    void maximumSessionsCountsAllConnections() throws Exception {
        start(config().maximumSessions(2).build());
        try (RawControl a = RawControl.ready(v4()); RawControl b = RawControl.ready(v4())) {
            a.send(request(40011, 0));
            assertEquals(0, a.acceptSession().accept());
            b.send(request(40012, 0));
            assertEquals(0, b.acceptSession().accept());
            b.send(request(40013, 0));
            assertEquals(AcceptCode.TEMPORARY_LIMIT, b.acceptSession().accept());
            assertEquals(1, server.snapshot().refusals(Refusal.MAXIMUM_SESSIONS));
        }
        await(() -> server.snapshot().sessions().isEmpty(), "sessions of closed connections end");
        try (RawControl c = RawControl.ready(v4())) {
            c.send(request(40014, 0));
            assertEquals(0, c.acceptSession().accept(), "freed by the ended sessions");
        }
    }

    @Test
    void aFreeRequestedPortIsGrantedAsAskedAndATakenOneGetsAnAlternate() throws Exception {
        start(config().build());
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
                RawControl raw = RawControl.ready(v4())) {
            final int free;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
                free = probe.getLocalPort();
            }
            raw.send(request(40021, free));
            final AcceptSession granted = raw.acceptSession();
            assertEquals(0, granted.accept());
            assertEquals(free, granted.port(), "a free port is granted as asked (twampy ignores the answer)");
            raw.send(request(taken.getLocalPort(), taken.getLocalPort()));
            final AcceptSession alternate = raw.acceptSession();
            assertEquals(0, alternate.accept());
            assertNotEquals(taken.getLocalPort(), alternate.port(), "twping asks for the port it sends from");
            assertNotEquals(0, alternate.port());
        }
    }
}
