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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.twampagent.dataplane.config.AuthMode;
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
 * A TWAMP Control-Client in unauthenticated mode, on a blocking socket: connect (greeting, Set-Up-Response,
 * Server-Start), request sessions, start them, stop them. Not thread-safe: one thread drives one client.
 */
public final class TwampClient implements AutoCloseable {
    /** Room for the replies of a fast sender while the receiving thread is descheduled. */
    private static final int RECEIVE_BUFFER = 4 << 20;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final ServerGreeting greeting;
    private final long serverStartTime;
    private final List<AcceptedSession> sessions = new ArrayList<>();
    private int running;

    private TwampClient(final Socket socket, final ServerGreeting greeting, final long serverStartTime)
            throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.greeting = greeting;
        this.serverStartTime = serverStartTime;
    }

    /**
     * Connects and completes the set-up in unauthenticated mode.
     *
     * @param timeout for the connection and for every answer of the server
     * @throws TwampProtocolException when the server refuses (Modes 0, no unauthenticated mode, Accept non-zero)
     */
    public static TwampClient connect(final InetSocketAddress server, final Duration timeout) throws IOException {
        final Socket socket = new Socket();
        try {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            final DataInputStream in = new DataInputStream(socket.getInputStream());
            final ServerGreeting greeting = ServerGreeting.decode(read(in, ServerGreeting.SIZE));
            if (greeting.modes() == 0) {
                throw new TwampProtocolException("the server refused the connection (greeting with Modes 0)", -1);
            }
            if ((greeting.modes() & AuthMode.NONE.bit()) == 0) {
                throw new TwampProtocolException(String.format(
                    "the server does not offer unauthenticated mode (Modes 0x%x)", greeting.modes()), -1);
            }
            write(socket.getOutputStream(), SetUpResponse.unauthenticated(AuthMode.NONE.bit()));
            final ServerStart start = ServerStart.decode(read(in, ServerStart.SIZE));
            if (start.accept() != AcceptCode.OK) {
                throw new TwampProtocolException("Server-Start refused: Accept " + start.accept() + " ("
                    + AcceptCode.describe(start.accept()) + ")", start.accept());
            }
            return new TwampClient(socket, greeting, start.startTime());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
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
            write(out, RequestTwSession.of(RequestTwSession.ipvnOf(remote), local, udp.getLocalPort(), remote,
                request.receiverPort(), request.paddingLength(), NtpTimestamp.ofInstant(Instant.now()),
                NtpTimestamp.ofDuration(request.timeout()), request.dscp()));
            final AcceptSession accept = AcceptSession.decode(read(in, AcceptSession.SIZE));
            if (accept.accept() != AcceptCode.OK) {
                throw new TwampProtocolException("session refused: Accept " + accept.accept() + " ("
                    + AcceptCode.describe(accept.accept()) + ")", accept.accept());
            }
            final AcceptedSession session = new AcceptedSession(accept.sid(),
                new InetSocketAddress(remote, accept.port()), udp, request);
            sessions.add(session);
            return session;
        } catch (IOException | RuntimeException e) {
            udp.close();
            throw e;
        }
    }

    /** Sends Start-Sessions and waits for a positive Start-Ack. */
    public void startSessions() throws IOException {
        write(out, StartSessions.unauthenticated());
        final StartAck ack = StartAck.decode(read(in, StartAck.SIZE));
        if (ack.accept() != AcceptCode.OK) {
            throw new TwampProtocolException("Start-Sessions refused: Accept " + ack.accept() + " ("
                + AcceptCode.describe(ack.accept()) + ")", ack.accept());
        }
        running = sessions.size();
    }

    /** Sends Stop-Sessions for every session started (no answer comes back). */
    public void stopSessions() throws IOException {
        write(out, new StopSessions(AcceptCode.OK, running));
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

    private static void write(final OutputStream out, final ControlMessage message) throws IOException {
        final ByteBuf buf = Unpooled.buffer(message.size());
        message.encode(buf);
        out.write(buf.array(), buf.arrayOffset(), buf.readableBytes());
        out.flush();
    }
}
