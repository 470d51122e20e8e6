package net.twampagent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramPacket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.twampagent.dataplane.client.AcceptedSession;
import net.twampagent.dataplane.client.ClientSecurity;
import net.twampagent.dataplane.client.PacketResult;
import net.twampagent.dataplane.client.SessionRequest;
import net.twampagent.dataplane.client.SessionSender;
import net.twampagent.dataplane.client.SessionStatistics;
import net.twampagent.dataplane.client.TwampClient;
import net.twampagent.dataplane.client.TwampProtocolException;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.config.SharedSecret;
import net.twampagent.dataplane.crypto.TestPacketProtection;
import net.twampagent.dataplane.nativeio.FfmEngineSettings;
import net.twampagent.dataplane.nativeio.NativeIo;
import net.twampagent.dataplane.nativeio.ReflectorEngines;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.ConnectionSnapshot;
import net.twampagent.dataplane.state.DropReason;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.dataplane.state.ServerSnapshot;
import net.twampagent.dataplane.state.SessionStats;
import net.twampagent.dataplane.wire.AcceptSession;
import net.twampagent.dataplane.wire.StartAck;
import net.twampagent.dataplane.wire.StartSessions;
import net.twampagent.dataplane.wire.TestPacketLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Modes 2, 4 and 8 end to end, our client against our server on loopback, on both reflector engines. */
class AuthenticatedModesTest extends ServerTestSupport {
    private static final SharedSecret ALICE = SharedSecret.ofPassphrase("correct horse battery staple");
    private static final Set<AuthMode> ALL_MODES = Set.of(AuthMode.values());

    private static ServerConfig.Builder secured() {
        return config().modes(ALL_MODES).keys(Map.of("alice", ALICE));
    }

    private void start(final ServerConfig cfg, final String engine) throws Exception {
        assumeTrue("nio".equals(engine) || NativeIo.available(), "the FFM engine does not run here");
        server = TwampServer.start(cfg, ReflectorEngines.create(engine, FfmEngineSettings.defaults()));
        server.subscribe(events::add);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"AUTHENTICATED, nio", "ENCRYPTED, nio", "CONTROL_ONLY_ENCRYPTED, nio",
        "AUTHENTICATED, ffm", "ENCRYPTED, ffm", "CONTROL_ONLY_ENCRYPTED, ffm"})
    void everyModeMeasuresWithoutLossAndTheServerShowsModeAndKeyId(final AuthMode mode, final String engine)
            throws Exception {
        start(secured().build(), engine);
        final boolean protectedPackets = mode != AuthMode.CONTROL_ONLY_ENCRYPTED;
        try (TwampClient client = TwampClient.connect(v4(), WAIT, ClientSecurity.of(mode, "alice", ALICE))) {
            assertEquals(15, client.serverModes());
            final ConnectionSnapshot connection = server.snapshot().connections().get(0);
            assertEquals(mode.bit(), connection.mode());
            assertEquals("alice", connection.keyId());
            // Two sessions, so that the second request, its Accept-Session and Start-Ack run on the chains.
            final int padding = protectedPackets ? TestPacketLayout.PROTECTED_SYMMETRIC_SENDER_PADDING : 27;
            final AcceptedSession first = client.requestSession(new SessionRequest(0, 0, padding, 0,
                Duration.ofMillis(300)));
            final AcceptedSession second = client.requestSession(new SessionRequest(0, 0, 0, 0,
                Duration.ofMillis(300)));
            client.startSessions();
            final List<PacketResult> replies = Collections.synchronizedList(new ArrayList<>());
            final SessionStatistics stats = SessionSender.run(first, 50, Duration.ofMillis(1), WAIT, replies::add);
            assertEquals(50, stats.received(), stats.toString());
            assertEquals(0, stats.duplicates());
            assertTrue(stats.residence().min() > 0, "T3 > T2 for every packet");
            assertEquals(protectedPackets ? 112 : 41, replies.get(0).length());
            // Unpadded: 48 octets (14 in clear) out, and still the minimum reply back.
            final List<PacketResult> short_ = Collections.synchronizedList(new ArrayList<>());
            assertEquals(10, SessionSender.run(second, 10, Duration.ZERO, WAIT, short_::add).received());
            assertEquals(protectedPackets ? 112 : 41, short_.get(0).length());
            await(() -> server.snapshot().sessions().stream().mapToLong(s -> s.stats().reflected()).sum() == 60,
                "server reflected 60");
            client.stopSessions();
            nextEvent(ServerEvent.SessionEnded.class);
        }
        assertEquals(0, server.snapshot().controlHmacFailures());
    }

    @Test
    void theGreetingOffersTheConfiguredModesAndCount() throws Exception {
        start(secured().modes(Set.of(AuthMode.AUTHENTICATED, AuthMode.ENCRYPTED)).kdfCount(2048).build());
        try (RawControl raw = RawControl.connect(v4())) {
            final var greeting = raw.greeting();
            assertEquals(6, greeting.modes());
            assertEquals(2048, greeting.count());
        }
        final var refused = assertThrows(TwampProtocolException.class, () -> TwampClient.connect(v4(), WAIT));
        assertTrue(refused.getMessage().contains("does not offer mode 1"), refused.getMessage());
    }

    @Test
    void aWrongSecretAndAnUnknownKeyIdGetAccept1AndAreCountedApart() throws Exception {
        start(secured().build());
        final var wrong = assertThrows(TwampProtocolException.class, () -> TwampClient.connect(v4(), WAIT,
            ClientSecurity.of(AuthMode.ENCRYPTED, "alice", SharedSecret.ofPassphrase("not the secret"))));
        assertEquals(1, wrong.accept());
        final var unknown = assertThrows(TwampProtocolException.class, () -> TwampClient.connect(v4(), WAIT,
            ClientSecurity.of(AuthMode.AUTHENTICATED, "mallory", ALICE)));
        assertEquals(1, unknown.accept());
        assertEquals(CloseReason.REFUSED, nextEvent(ServerEvent.ConnectionClosed.class).reason());
        assertEquals(CloseReason.REFUSED, nextEvent(ServerEvent.ConnectionClosed.class).reason());
        final ServerSnapshot snapshot = server.snapshot();
        assertEquals(Map.of("alice", 1L), snapshot.authenticationFailures());
        assertEquals(1, snapshot.unknownKeyIdFailures());
        assertTrue(snapshot.connections().isEmpty(), "both connections were closed");
        assertFalse(snapshot.toString().contains("correct horse"), "no secret in state");
        try (TwampClient good = TwampClient.connect(v4(), WAIT, ClientSecurity.of(AuthMode.ENCRYPTED, "alice",
                ALICE))) {
            assertEquals(AuthMode.ENCRYPTED, good.mode());
        }
    }

    @Test
    void theClientRefusesACountAboveItsMaximum() throws Exception {
        start(secured().kdfCount(1 << 16).build());
        final var refused = assertThrows(TwampProtocolException.class, () -> TwampClient.connect(v4(), WAIT,
            ClientSecurity.of(AuthMode.AUTHENTICATED, "alice", ALICE)));
        assertTrue(refused.getMessage().contains("Count of 65536, outside 1..32768"), refused.getMessage());
        try (TwampClient patient = TwampClient.connect(v4(), WAIT,
                new ClientSecurity(AuthMode.AUTHENTICATED, "alice", ALICE, 1 << 16))) {
            assertEquals(AuthMode.AUTHENTICATED, patient.mode());
        }
    }

    @Test
    void aTamperedControlMessageClosesTheConnectionAndIsCounted() throws Exception {
        start(secured().build());
        try (CipheredControl control = CipheredControl.ready(v4(), AuthMode.AUTHENTICATED.bit(), "alice", ALICE)) {
            final byte[] request = control.seal(request(40000, 0));
            request[40] ^= 1;  // a block after the first: the Command Number still reads right
            control.sendBytes(request);
            assertTrue(control.closedByServer(), "closed without an answer");
        }
        assertEquals(CloseReason.CONTROL_HMAC_FAILURE, nextEvent(ServerEvent.ConnectionClosed.class).reason());
        final ServerSnapshot snapshot = server.snapshot();
        assertEquals(1, snapshot.controlHmacFailures());
        assertTrue(snapshot.sessions().isEmpty(), "nothing was acted on");
    }

    @Test
    void aReplayedControlMessageClosesTheConnection() throws Exception {
        start(secured().build());
        try (CipheredControl control = CipheredControl.ready(v4(), AuthMode.ENCRYPTED.bit(), "alice", ALICE)) {
            final byte[] request = control.seal(request(40001, 0));
            control.sendBytes(request);
            assertEquals(0, AcceptSession.decode(control.receive(AcceptSession.SIZE)).accept());
            control.sendBytes(request);
            assertTrue(control.closedByServer(), "the replay is not answered and ends the connection");
        }
        assertEquals(CloseReason.CONTROL_HMAC_FAILURE, nextEvent(ServerEvent.ConnectionClosed.class).reason());
        assertEquals(1, server.snapshot().sessionsAccepted(), "the replayed request made no second session");
        assertEquals(1, server.snapshot().controlHmacFailures());
    }

    @Test
    void aCipheredExchangeOfEveryMessageWorksByHand() throws Exception {
        start(secured().build());
        try (CipheredControl control = CipheredControl.ready(v4(), AuthMode.CONTROL_ONLY_ENCRYPTED.bit(), "alice",
                ALICE)) {
            control.sendBytes(control.seal(request(40002, 0)));
            assertEquals(0, AcceptSession.decode(control.receive(AcceptSession.SIZE)).accept());
            control.sendBytes(control.seal(StartSessions.unauthenticated()));
            assertEquals(0, StartAck.decode(control.receive(StartAck.SIZE)).accept());
        }
        assertEquals(0, server.snapshot().controlHmacFailures());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "ffm"})
    void aTamperedTestPacketIsNotReflectedAndIsCounted(final String engine) throws Exception {
        start(secured().build(), engine);
        try (TwampClient client = TwampClient.connect(v4(), WAIT, ClientSecurity.of(AuthMode.AUTHENTICATED,
                "alice", ALICE))) {
            final AcceptedSession session = client.requestSession(new SessionRequest(0, 0, 0, 0,
                Duration.ofMillis(300)));
            client.startSessions();
            final TestPacketProtection protection = session.newProtection();
            final byte[] packet = new byte[48];
            final ByteBuffer buf = ByteBuffer.wrap(packet);
            buf.putInt(0, 7);
            protection.sealSender(buf);
            final byte[] tampered = packet.clone();
            tampered[3] ^= 0x40;
            session.socket().send(new DatagramPacket(tampered, tampered.length, session.reflector()));
            final byte[] shortPacket = new byte[47];
            session.socket().send(new DatagramPacket(shortPacket, shortPacket.length, session.reflector()));
            session.socket().send(new DatagramPacket(packet, packet.length, session.reflector()));
            await(() -> server.snapshot().sessions().get(0).stats().received() == 3, "three packets arrived");
            // The intact packet is counted as reflected only after its reply was sent.
            await(() -> server.snapshot().sessions().get(0).stats().reflected() == 1, "one packet reflected");
            final SessionStats stats = server.snapshot().sessions().get(0).stats();
            assertEquals(1, stats.dropped(DropReason.BAD_HMAC));
            assertEquals(1, stats.dropped(DropReason.TOO_SHORT));
            assertEquals(1, stats.reflected());
            assertEquals(7, stats.lastSenderSequence(), "the intact packet was reflected");
            final byte[] reply = new byte[200];
            final DatagramPacket datagram = new DatagramPacket(reply, reply.length);
            session.socket().setSoTimeout((int) WAIT.toMillis());
            session.socket().receive(datagram);
            assertEquals(112, datagram.getLength());
            assertTrue(protection.openReflector(ByteBuffer.wrap(reply, 0, 112)), "the reply verifies");
            assertEquals(7, ByteBuffer.wrap(reply).getInt(TestPacketLayout.PROTECTED_COPIED_SEQUENCE));
            client.stopSessions();
        }
    }

    @Test
    void aRemovedKeyRefusesNewConnectionsOnlyAndNeverAppearsInState() throws Exception {
        start(secured().build());
        try (TwampClient before = TwampClient.connect(v4(), WAIT, ClientSecurity.of(AuthMode.ENCRYPTED, "alice",
                ALICE))) {
            server.apply(secured().keys(Map.of("bob", SharedSecret.ofPassphrase("bob's"))).build());
            final var refused = assertThrows(TwampProtocolException.class, () -> TwampClient.connect(v4(), WAIT,
                ClientSecurity.of(AuthMode.ENCRYPTED, "alice", ALICE)));
            assertEquals(1, refused.accept());
            final AcceptedSession session = before.requestSession(new SessionRequest(0, 0, 0, 0,
                Duration.ofMillis(300)));
            before.startSessions();
            assertEquals(5, SessionSender.run(session, 5, Duration.ZERO, WAIT, null).received(),
                "the connection keyed before the change goes on");
            before.stopSessions();
        }
        assertEquals(1, server.snapshot().unknownKeyIdFailures());
        assertNull(server.snapshot().authenticationFailures().get("alice"));
    }

    @Test
    void aModeThatNeedsAKeyIsRejectedWithoutOne() {
        final var rejected = assertThrows(ConfigurationRejectedException.class,
            () -> TwampServer.start(config().modes(Set.of(AuthMode.ENCRYPTED)).build()));
        assertTrue(rejected.getMessage().contains("authentication-mode encrypted needs at least one key"),
            rejected.getMessage());
    }
}
