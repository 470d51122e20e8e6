package net.twampagent.dataplane.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.crypto.ControlChannel;
import net.twampagent.dataplane.crypto.SessionKeys;
import net.twampagent.dataplane.crypto.SetupToken;
import net.twampagent.dataplane.wire.AcceptCode;
import net.twampagent.dataplane.wire.AcceptSession;
import net.twampagent.dataplane.wire.ControlMessage;
import net.twampagent.dataplane.wire.NtpTimestamp;
import net.twampagent.dataplane.wire.RequestTwSession;
import net.twampagent.dataplane.wire.ServerGreeting;
import net.twampagent.dataplane.wire.ServerStart;
import net.twampagent.dataplane.wire.SetUpResponse;
import net.twampagent.dataplane.wire.StartAck;
import net.twampagent.dataplane.wire.StartSessions;
import net.twampagent.dataplane.wire.StopSessions;

/**
 * A TWAMP Control-Client on a blocking socket: connect (greeting, Set-Up-Response, Server-Start), request
 * sessions, start them, stop them. Every mode: unauthenticated (1), authenticated (2), encrypted (4) and mixed
 * (8); in modes 2, 4 and 8 every message after Server-Start is ciphered and its HMAC checked, as
 * {@link ControlChannel} does it. Not thread-safe: one thread drives one client.
 */
public final class TwampClient implements AutoCloseable {
    /** Room for the replies of a fast sender while the receiving thread is descheduled. */
    private static final int RECEIVE_BUFFER = 4 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_LENGTH = 16;
    private static final int KEY_ID_LENGTH = 80;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final ServerGreeting greeting;
    private final long serverStartTime;
    private final AuthMode mode;
    private final SessionKeys keys;
    private final ControlChannel control;
    private final List<AcceptedSession> sessions = new ArrayList<>();
    private int running;

    private TwampClient(final Socket socket, final ServerGreeting greeting, final long serverStartTime,
            final AuthMode mode, final SessionKeys keys, final ControlChannel control) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.greeting = greeting;
        this.serverStartTime = serverStartTime;
        this.mode = mode;
        this.keys = keys;
        this.control = control;
    }

    /**
     * Connects and completes the set-up in unauthenticated mode.
     *
     * @param timeout for the connection and for every answer of the server
     * @throws TwampProtocolException when the server refuses (Modes 0, no unauthenticated mode, Accept non-zero)
     */
    public static TwampClient connect(final InetSocketAddress server, final Duration timeout) throws IOException {
        return connect(server, timeout, ClientSecurity.none());
    }

    /**
     * Connects and completes the set-up in the mode {@code security} asks for.
     *
     * @param timeout for the connection and for every answer of the server
     * @throws TwampProtocolException when the server refuses (Modes 0, mode not offered, Accept non-zero: Accept 1
     *     after a Set-Up-Response with a Token means the KeyID or the secret was not accepted), when its greeting
     *     asks for a Count above the client's maximum, or when a message fails its HMAC
     */
    public static TwampClient connect(final InetSocketAddress server, final Duration timeout,
            final ClientSecurity security) throws IOException {
        final Socket socket = new Socket();
        try {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            final DataInputStream in = new DataInputStream(socket.getInputStream());
            final ServerGreeting greeting = ServerGreeting.decode(read(in, ServerGreeting.SIZE));
            final AuthMode mode = security.mode();
            if (greeting.modes() == 0) {
                throw new TwampProtocolException("the server refused the connection (greeting with Modes 0)", -1);
            }
            if ((greeting.modes() & mode.bit()) == 0) {
                throw new TwampProtocolException(String.format("the server does not offer mode %d (%s): Modes 0x%x",
                    mode.bit(), mode.name().toLowerCase(Locale.ROOT), greeting.modes()), -1);
            }
            if (mode == AuthMode.NONE) {
                write(socket.getOutputStream(), SetUpResponse.unauthenticated(AuthMode.NONE.bit()), null);
                final ServerStart start = ServerStart.decode(read(in, ServerStart.SIZE));
                requireAccepted(start.accept(), "");
                return new TwampClient(socket, greeting, start.startTime(), mode, null, null);
            }
            return authenticate(socket, in, greeting, security);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static TwampClient authenticate(final Socket socket, final DataInputStream in,
            final ServerGreeting greeting, final ClientSecurity security) throws IOException {
        final long count = Integer.toUnsignedLong(greeting.count());
        if (count > security.maximumCount() || count == 0) {
            throw new TwampProtocolException("the server's greeting asks for a PBKDF2 Count of " + count
                + ", outside 1.." + security.maximumCount() + " (RFC 5357 §6: a client bounds the work a server"
                + " may ask of it)", -1);
        }
        final SessionKeys keys = SessionKeys.generate(RANDOM);
        final byte[] token = SetupToken.seal(security.secret(), greeting.salt(), greeting.count(),
            greeting.challenge(), keys);
        final byte[] clientIv = new byte[IV_LENGTH];
        RANDOM.nextBytes(clientIv);
        final byte[] keyId = new byte[KEY_ID_LENGTH];
        final byte[] text = security.keyId().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, keyId, 0, text.length);
        write(socket.getOutputStream(), new SetUpResponse(security.mode().bit(), keyId, token, clientIv), null);
        final byte[] startBytes = new byte[ServerStart.SIZE];
        in.readFully(startBytes);
        final int accept = startBytes[15] & 0xFF;
        requireAccepted(accept, accept == AcceptCode.FAILURE
            ? " (the server did not accept KeyID \"" + security.keyId() + "\" with this secret)" : "");
        final byte[] serverIv = Arrays.copyOfRange(startBytes, 16, 16 + IV_LENGTH);
        final ControlChannel control = ControlChannel.forClient(keys, clientIv, serverIv);
        control.decryptIncoming(ByteBuffer.wrap(startBytes, ServerStart.SIZE - IV_LENGTH, IV_LENGTH));
        final ServerStart start = ServerStart.decode(Unpooled.wrappedBuffer(startBytes));
        return new TwampClient(socket, greeting, start.startTime(), security.mode(), keys, control);
    }

    private static void requireAccepted(final int accept, final String detail) throws TwampProtocolException {
        if (accept != AcceptCode.OK) {
            throw new TwampProtocolException("Server-Start refused: Accept " + accept + " ("
                + AcceptCode.describe(accept) + ")" + detail, accept);
        }
    }

    /** The security mode of the connection. */
    public AuthMode mode() {
        return mode;
    }

    /** The Modes of the server's greeting. */
    public int serverModes() {
        return greeting.modes();
    }

    /** The server's Start-Time (NTP format). */
    public long serverStartTime() {
        return serverStartTime;
    }

    /** The local address of the control connection. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /**
     * Requests one session: binds the local sender socket, sends Request-TW-Session with explicit addresses
     * (those of the control connection) and returns what the server accepted.
     *
     * @throws TwampProtocolException when the server refuses (its Accept value is in the exception)
     */
    public AcceptedSession requestSession(final SessionRequest request) throws IOException {
        final InetAddress local = socket.getLocalAddress();
        final InetAddress remote = socket.getInetAddress();
        final DatagramSocket udp = new DatagramSocket(new InetSocketAddress(local, request.senderPort()));
        try {
            udp.setTrafficClass(request.dscp() << 2);
            udp.setReceiveBufferSize(RECEIVE_BUFFER);
            write(RequestTwSession.of(RequestTwSession.ipvnOf(remote), local, udp.getLocalPort(), remote,
                request.receiverPort(), request.paddingLength(), NtpTimestamp.ofInstant(Instant.now()),
                NtpTimestamp.ofDuration(request.timeout()), request.dscp()));
            final AcceptSession accept = AcceptSession.decode(receive(AcceptSession.SIZE));
            if (accept.accept() != AcceptCode.OK) {
                throw new TwampProtocolException("session refused: Accept " + accept.accept() + " ("
                    + AcceptCode.describe(accept.accept()) + ")", accept.accept());
            }
            final AcceptedSession session = new AcceptedSession(accept.sid(),
                new InetSocketAddress(remote, accept.port()), udp, request, mode, keys);
            sessions.add(session);
            return session;
        } catch (IOException | RuntimeException e) {
            udp.close();
            throw e;
        }
    }

    /** Sends Start-Sessions and waits for a positive Start-Ack. */
    public void startSessions() throws IOException {
        write(StartSessions.unauthenticated());
        final StartAck ack = StartAck.decode(receive(StartAck.SIZE));
        if (ack.accept() != AcceptCode.OK) {
            throw new TwampProtocolException("Start-Sessions refused: Accept " + ack.accept() + " ("
                + AcceptCode.describe(ack.accept()) + ")", ack.accept());
        }
        running = sessions.size();
    }

    /** Sends Stop-Sessions for every session started (no answer comes back). */
    public void stopSessions() throws IOException {
        write(new StopSessions(AcceptCode.OK, running));
        running = 0;
    }

    /** Whether the server has closed the control connection (reads until end of stream or timeout). */
    public boolean awaitServerClose() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        for (AcceptedSession session : sessions) {
            session.socket().close();
        }
        socket.close();
    }

    private static ByteBuf read(final DataInputStream in, final int size) throws IOException {
        final byte[] bytes = new byte[size];
        in.readFully(bytes);
        return Unpooled.wrappedBuffer(bytes);
    }

    /** Reads one message of {@code size} octets, deciphered and its HMAC checked in modes 2, 4 and 8. */
    private ByteBuf receive(final int size) throws IOException {
        final ByteBuf buf = read(in, size);
        if (control != null && !control.openMessage(buf.nioBuffer())) {
            throw new TwampProtocolException("a message from the server failed its HMAC", -1);
        }
        return buf;
    }

    private void write(final ControlMessage message) throws IOException {
        write(out, message, control);
    }

    /** Writes one message, sealed (ciphered, with its HMAC) when {@code channel} is given. */
    private static void write(final OutputStream out, final ControlMessage message, final ControlChannel channel)
            throws IOException {
        final byte[] bytes = new byte[message.size()];
        final ByteBuf buf = Unpooled.wrappedBuffer(bytes).clear();
        message.encode(buf);
        if (channel != null) {
            channel.sealMessage(ByteBuffer.wrap(bytes));
        }
        out.write(bytes);
        out.flush();
    }
}
