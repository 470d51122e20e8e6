package net.twampagent.netconf.mapping;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.twampagent.dataplane.state.ConnectionSnapshot;
import net.twampagent.dataplane.state.ServerSnapshot;
import net.twampagent.dataplane.state.SessionSnapshot;
import net.twampagent.dataplane.state.SessionStats;

/** Dataplane snapshots of a busy server, built as the dataplane would report them. */
final class Snapshots {
    static final Instant START = Instant.parse("2026-11-26T08:00:00Z");

    private Snapshots() {
    }

    /**
     * A server with {@code connections} control connections from distinct clients and {@code sessions} sessions
     * spread over them, every session running with packets counted.
     */
    static ServerSnapshot busy(final int connections, final int sessions) {
        final var server = new InetSocketAddress(InetAddress.ofLiteral("192.0.2.1"), 862);
        final var open = new ArrayList<ConnectionSnapshot>(connections);
        for (int i = 0; i < connections; i++) {
            final var client = new InetSocketAddress(InetAddress.ofLiteral("10.%d.%d.%d"
                .formatted(i >> 16 & 0xff, i >> 8 & 0xff, i & 0xff)), 40000 + i % 20000);
            final int own = sessions / connections + (i < sessions % connections ? 1 : 0);
            open.add(new ConnectionSnapshot(i + 1, client, server, ConnectionSnapshot.State.STARTED, 1,
                START.plusSeconds(i), own));
        }
        final var running = new ArrayList<SessionSnapshot>(sessions);
        for (int i = 0; i < sessions; i++) {
            final var connection = open.get(i % connections);
            running.add(new SessionSnapshot(sid(i), connection.id(),
                new InetSocketAddress(connection.client().getAddress(), 20000 + i % 40000),
                new InetSocketAddress(server.getAddress(), 20000 + i % 40000), 46, 64, Duration.ofSeconds(2),
                SessionSnapshot.State.RUNNING, START.plusSeconds(i),
                new SessionStats(1000 + i, 999 + i, Map.of(), 999 + i, 998 + i, 9000, 11000, 45000)));
        }
        return new ServerSnapshot(START, List.of(new InetSocketAddress(862)), "nio", open, running, Map.of(),
            Map.of(), Map.of(), connections, sessions);
    }

    /** A SID as the server assigns it: 16 octets as 32 lower-case hexadecimal digits. */
    static String sid(final int n) {
        final var octets = new byte[16];
        octets[0] = (byte) 0xc0;
        octets[1] = 2;
        octets[12] = (byte) (n >>> 24);
        octets[13] = (byte) (n >>> 16);
        octets[14] = (byte) (n >>> 8);
        octets[15] = (byte) n;
        return HexFormat.of().formatHex(octets);
    }
}
