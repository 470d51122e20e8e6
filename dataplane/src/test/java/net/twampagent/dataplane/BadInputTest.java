package net.twampagent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import net.twampagent.dataplane.client.AcceptedSession;
import net.twampagent.dataplane.client.SessionRequest;
import net.twampagent.dataplane.client.SessionSender;
import net.twampagent.dataplane.client.TwampClient;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.DropReason;
import net.twampagent.dataplane.state.Refusal;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.dataplane.state.SessionSnapshot;
import net.twampagent.dataplane.wire.AcceptCode;
import net.twampagent.dataplane.wire.CommandNumber;
import net.twampagent.dataplane.wire.RequestTwSession;
import net.twampagent.dataplane.wire.SetUpResponse;
import net.twampagent.dataplane.wire.StartSessions;
import net.twampagent.dataplane.wire.StopSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every bad input of issue 3 gets the RFC's answer and a counter, and a measuring client on another connection
 * keeps its session reflecting throughout.
 */
class BadInputTest extends ServerTestSupport {
    private TwampClient bystander;
    private AcceptedSession bystanderSession;

    @BeforeEach
    void startWithABystander() throws Exception {
        start(config().serverInactivityTimeout(Duration.ofMillis(500)).build());
        bystander = TwampClient.connect(v4(), WAIT);
        bystanderSession = bystander.requestSession(SessionRequest.defaults());
        bystander.startSessions();
    }

    private void assertBystanderUndisturbed() throws Exception {
        assertEquals(10, SessionSender.run(bystanderSession, 10, Duration.ZERO, WAIT, null).received());
        assertEquals(1, server.snapshot().sessions().stream()
            .filter(s -> s.state() == SessionSnapshot.State.RUNNING).count());
        bystander.close();
    }

    private static RequestTwSession with(final RequestTwSession r, final int ipvn, final int confSender,
            final long slots, final int typeP, final byte[] sid) {
        return new RequestTwSession(r.command(), ipvn, confSender, r.confReceiver(), slots, r.packets(),
            r.senderPort(), r.receiverPort(), r.senderAddress(), r.receiverAddress(), sid, r.paddingLength(),
            r.startTime(), r.timeout(), typeP);
    }

    @Test
    void malformedRequestsGetAccept3AndTheConnectionGoesOn() throws Exception {
        final RequestTwSession good = request(40100, 0);
        final byte[] sid = new byte[16];
        sid[3] = 1;
        try (RawControl raw = RawControl.ready(v4())) {
            for (RequestTwSession bad : new RequestTwSession[] {
                with(good, 4, 1, 0, good.typeP(), good.sid()),          // Conf-Sender non-zero
                with(good, 4, 0, 3, good.typeP(), good.sid()),          // schedule slots
                with(good, 5, 0, 0, good.typeP(), good.sid()),          // IPVN 5
                new RequestTwSession(5, 6, 0, 0, 0, 0, 40100, 0, new byte[16], new byte[16], new byte[16], 27,
                    0, 0, 0),                                           // IPVN 6, zero addresses, IPv4 control
                with(good, 4, 0, 0, 0x4000_0000, good.sid()),           // Type-P not a DSCP
                with(good, 4, 0, 0, good.typeP(), sid),                 // SID set by the client
            }) {
                raw.send(bad);
                final var answer = raw.acceptSession();
                assertEquals(AcceptCode.NOT_SUPPORTED, answer.accept(), bad.toString());
                assertEquals(0, answer.port());
            }
            raw.send(good);
            assertEquals(0, raw.acceptSession().accept(), "the connection is still usable");
        }
        assertEquals(6, server.snapshot().refusals(Refusal.MALFORMED_REQUEST));
        assertBystanderUndisturbed();
    }

    @Test
    void anUnsupportedCommandGetsAccept3ThenClose() throws Exception {
        try (RawControl raw = RawControl.ready(v4())) {
            final byte[] owampRequest = new byte[112];
            owampRequest[0] = CommandNumber.REQUEST_SESSION_OWAMP;
            raw.sendBytes(owampRequest);
            assertEquals(AcceptCode.NOT_SUPPORTED, raw.acceptSession().accept());
            assertTrue(raw.closedByServer());
        }
        assertEquals(1, server.snapshot().refusals(Refusal.UNSUPPORTED_COMMAND));
        assertEquals(CloseReason.UNSUPPORTED_COMMAND, nextEvent(ServerEvent.ConnectionClosed.class).reason());
        assertBystanderUndisturbed();
    }

    @Test
    void anOversizedMessageIsAnsweredThenItsTailIsAnUnsupportedCommand() throws Exception {
        try (RawControl raw = RawControl.ready(v4())) {
            final ByteBuf request = Unpooled.buffer(128);
            request(40150, 0).encode(request);
            request.writeZero(16);
            raw.sendBytes(Arrays.copyOf(request.array(), 128));
            assertEquals(0, raw.acceptSession().accept(), "the first 112 octets are a valid request");
            assertEquals(AcceptCode.NOT_SUPPORTED, raw.acceptSession().accept(), "16 stray octets: command 0");
            assertTrue(raw.closedByServer());
        }
        assertEquals(CloseReason.UNSUPPORTED_COMMAND, nextEvent(ServerEvent.ConnectionClosed.class).reason());
        assertBystanderUndisturbed();
    }

    @Test
    void garbageInsteadOfSetUpResponseIsRefusedAndClosed() throws Exception {
        try (RawControl raw = RawControl.connect(v4())) {
            raw.greeting();
            final byte[] garbage = new byte[SetUpResponse.SIZE];
            new Random(7).nextBytes(garbage);
            garbage[3] = 0x06;  // two security modes at once
            raw.sendBytes(garbage);
            assertEquals(AcceptCode.NOT_SUPPORTED, raw.serverStart().accept());
            assertTrue(raw.closedByServer());
        }
        try (RawControl raw = RawControl.connect(v4())) {
            raw.greeting();
            raw.send(SetUpResponse.unauthenticated(2));  // authenticated: not offered
            assertEquals(AcceptCode.NOT_SUPPORTED, raw.serverStart().accept());
            assertTrue(raw.closedByServer());
        }
        try (RawControl raw = RawControl.connect(v4())) {
            raw.greeting();
            raw.send(SetUpResponse.unauthenticated(0));  // the client gives up
            assertTrue(raw.closedByServer());
        }
        assertEquals(2, server.snapshot().refusals(Refusal.MODE_NOT_OFFERED));
        assertBystanderUndisturbed();
    }

    @Test
    void silentAndTruncatingClientsTimeOutAtServwait() throws Exception {
        try (RawControl silent = RawControl.connect(v4()); RawControl truncating = RawControl.ready(v4())) {
            silent.greeting();
            truncating.sendBytes(new byte[] {CommandNumber.REQUEST_TW_SESSION, 4, 0, 0});
            assertTrue(silent.closedByServer());
            assertTrue(truncating.closedByServer());
        }
        assertEquals(2, server.snapshot().closes(CloseReason.SERVER_INACTIVITY_TIMEOUT));
        assertBystanderUndisturbed();
    }

    @Test
    void aWrongStopSessionsCountClosesTheConnectionAndZeroMeansAll() throws Exception {
        try (RawControl raw = RawControl.ready(v4())) {
            raw.send(request(40200, 0));
            assertEquals(0, raw.acceptSession().accept());
            raw.send(StartSessions.unauthenticated());
            assertEquals(0, raw.startAck().accept());
            raw.send(new StopSessions(0, 2));
            assertTrue(raw.closedByServer());
        }
        assertEquals(1, server.snapshot().refusals(Refusal.STOP_COUNT_MISMATCH));
        try (RawControl twampyLike = RawControl.ready(v4())) {
            twampyLike.send(request(40201, 0));
            assertEquals(0, twampyLike.acceptSession().accept());
            twampyLike.send(StartSessions.unauthenticated());
            assertEquals(0, twampyLike.startAck().accept());
            twampyLike.send(new StopSessions(0, 0));
            twampyLike.send(request(40202, 0));
            assertEquals(0, twampyLike.acceptSession().accept(), "stopped: the connection is READY again");
        }
        assertBystanderUndisturbed();
    }

    @Test
    void requestsAndStartsWhileStartedAreRefused() throws Exception {
        try (RawControl raw = RawControl.ready(v4())) {
            raw.send(StartSessions.unauthenticated());
            assertEquals(0, raw.startAck().accept());
            raw.send(StartSessions.unauthenticated());
            assertEquals(AcceptCode.NOT_SUPPORTED, raw.startAck().accept());
            raw.send(request(40300, 0));
            assertEquals(AcceptCode.NOT_SUPPORTED, raw.acceptSession().accept());
        }
        assertEquals(1, server.snapshot().refusals(Refusal.START_WHILE_STARTED));
        assertEquals(1, server.snapshot().refusals(Refusal.REQUEST_WHILE_STARTED));
        assertBystanderUndisturbed();
    }

    @Test
    void udpGarbageShortPacketsAndStrangersOnASessionPortAreDroppedAndCounted() throws Exception {
        final InetSocketAddress port = bystanderSession.reflector();
        try (DatagramSocket stranger = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            stranger.send(new DatagramPacket(new byte[64], 64, port));
            bystanderSession.socket().send(new DatagramPacket(new byte[5], 5, port));
            bystanderSession.socket().send(new DatagramPacket(new byte[0], 0, port));
        }
        await(() -> server.snapshot().sessions().get(0).stats().droppedTotal() == 3, "three drops");
        final var stats = server.snapshot().sessions().get(0).stats();
        assertEquals(1, stats.dropped(DropReason.STRANGER));
        assertEquals(2, stats.dropped(DropReason.TOO_SHORT));
        assertBystanderUndisturbed();
    }

    @Test
    void requestsBeyondEveryLimitAndAnUnbindableAddressAreRefused() throws Exception {
        try (RawControl raw = RawControl.ready(v4())) {
            final RequestTwSession good = request(40400, 0);
            final byte[] foreign = RequestTwSession.addressField(InetAddress.getByName("192.0.2.1"));
            raw.send(new RequestTwSession(5, 4, 0, 0, 0, 0, 40400, 0, good.senderAddress(), foreign,
                new byte[16], 27, 0, 0, 0));
            assertEquals(AcceptCode.NOT_SUPPORTED, raw.acceptSession().accept());
            raw.send(new RequestTwSession(5, 4, 0, 0, 0, 0, 40400, 0, good.senderAddress(),
                good.receiverAddress(), new byte[16], 70_000, 0, 0, 0));
            assertEquals(AcceptCode.NOT_SUPPORTED, raw.acceptSession().accept(), "padding beyond a datagram");
        }
        assertEquals(1, server.snapshot().refusals(Refusal.RECEIVER_ADDRESS_NOT_LOCAL));
        assertBystanderUndisturbed();
    }
}
