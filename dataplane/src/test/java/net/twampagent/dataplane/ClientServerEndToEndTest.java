package net.twampagent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.twampagent.dataplane.client.AcceptedSession;
import net.twampagent.dataplane.client.PacketResult;
import net.twampagent.dataplane.client.SessionRequest;
import net.twampagent.dataplane.client.SessionSender;
import net.twampagent.dataplane.client.SessionStatistics;
import net.twampagent.dataplane.client.TwampClient;
import net.twampagent.dataplane.state.ConnectionSnapshot;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.dataplane.state.ServerSnapshot;
import net.twampagent.dataplane.state.SessionEndReason;
import net.twampagent.dataplane.state.SessionSnapshot;
import net.twampagent.dataplane.wire.NtpTimestamp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClientServerEndToEndTest extends ServerTestSupport {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void ourClientMeasuresAgainstOurServerWithoutLossAndTheServerCountsTheSame(final String host) throws Exception {
        start(config().build());
        try (TwampClient client = TwampClient.connect(address(host), WAIT)) {
            assertEquals(1, client.serverModes());
            final long start = client.serverStartTime();
            assertTrue(Math.abs(NtpTimestamp.toEpochNanos(start) / 1_000_000 - System.currentTimeMillis()) < 60_000,
                "Start-Time is this server's start, NTP format");
            final AcceptedSession session = client.requestSession(
                new SessionRequest(0, 0, 27, 10, Duration.ofMillis(300)));
            assertEquals(16, session.sid().length);
            final ServerSnapshot before = server.snapshot();
            assertEquals(1, before.connections().size());
            assertEquals(ConnectionSnapshot.State.READY, before.connections().get(0).state());
            assertEquals(SessionSnapshot.State.ACCEPTED, before.sessions().get(0).state());
            assertEquals(10, before.sessions().get(0).dscp());

            client.startSessions();
            final List<PacketResult> replies = Collections.synchronizedList(new ArrayList<>());
            final SessionStatistics stats = SessionSender.run(session, 50, Duration.ofMillis(2), WAIT, replies::add);
            assertEquals(50, stats.sent());
            assertEquals(50, stats.received());
            assertEquals(0, stats.lost());
            assertEquals(0, stats.duplicates());
            assertEquals(0, stats.forwardLost() + stats.backwardLost());
            assertTrue(stats.roundTrip().min() > 0 && stats.roundTrip().max() < 1_000_000_000L, stats.toString());
            assertTrue(stats.residence().min() > 0, "T3 > T2 for every packet");
            assertEquals(41, replies.get(0).length());
            assertEquals(expectedTtl(host), replies.get(0).senderTtl());

            await(() -> server.snapshot().sessions().get(0).stats().reflected() == 50, "server counted 50");
            final SessionSnapshot live = server.snapshot().sessions().get(0);
            assertEquals(SessionSnapshot.State.RUNNING, live.state());
            assertEquals(49, live.stats().lastSenderSequence());
            assertEquals(49, live.stats().lastReflectedSequence());
            assertTrue(live.stats().residenceMaxNanos() >= live.stats().residenceMinNanos());

            client.stopSessions();
            final ServerEvent.SessionEnded ended = nextEvent(ServerEvent.SessionEnded.class);
            assertEquals(SessionEndReason.STOPPED, ended.reason());
            assertEquals(50, ended.session().stats().reflected());
            assertEquals(0, server.snapshot().sessions().size());
            assertEquals(ConnectionSnapshot.State.READY, server.snapshot().connections().get(0).state());
        }
    }

    /** 255 from an engine that cannot read the TTL (RFC 5357 §4.2.1), else what the client's kernel sent. */
    private int expectedTtl(final String host) throws IOException {
        if ("nio".equals(server.snapshot().engine())) {
            return 255;
        }
        final String sysctl = host.contains(":") ? "/proc/sys/net/ipv6/conf/lo/hop_limit"
            : "/proc/sys/net/ipv4/ip_default_ttl";
        return Integer.parseInt(Files.readAllLines(Path.of(sysctl)).get(0).strip());
    }

    @Test
    void severalSessionsOnOneConnectionEachReflectTheirOwnPackets() throws Exception {
        start(config().build());
        try (TwampClient client = TwampClient.connect(v4(), WAIT)) {
            final List<AcceptedSession> sessions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sessions.add(client.requestSession(new SessionRequest(0, 0, 100 * i, 0, Duration.ofSeconds(1))));
            }
            client.startSessions();
            for (AcceptedSession session : sessions) {
                final SessionStatistics stats = SessionSender.run(session, 20, Duration.ZERO, WAIT, null);
                assertEquals(20, stats.received(), session.toString());
            }
            // The last reply is counted as reflected after it left, so possibly after the client had it.
            await(() -> server.snapshot().sessions().stream().filter(s -> s.stats().reflected() == 20).count() == 3,
                "every session counted 20 reflected");
            client.stopSessions();
        }
        nextEvent(ServerEvent.ConnectionClosed.class);
        for (int i = 0; i < 3; i++) {
            assertEquals(SessionEndReason.STOPPED, nextEvent(ServerEvent.SessionEnded.class).reason(),
                "stopped sessions run out their Timeout after the client hangs up");
        }
        assertEquals(0, server.snapshot().sessions().size());
    }

    @Test
    void aClosedSubscriptionGetsNoMoreEvents() throws Exception {
        start(config().build());
        final List<ServerEvent> late = Collections.synchronizedList(new ArrayList<>());
        server.subscribe(late::add).close();
        try (TwampClient client = TwampClient.connect(v4(), WAIT)) {
            assertEquals(1, client.serverModes());
        }
        nextEvent(ServerEvent.ConnectionClosed.class);
        server.snapshot();  // runs on the control thread after the delivery of that event to every subscriber
        assertTrue(late.isEmpty(), late.toString());
    }
}
