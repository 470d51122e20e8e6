package net.twampagent.dataplane.control;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.crypto.ControlChannel;
import net.twampagent.dataplane.crypto.SessionKeys;
import net.twampagent.dataplane.crypto.TestPacketProtection;
import net.twampagent.dataplane.crypto.TokenVerifier;
import net.twampagent.dataplane.reflector.ReflectorSession;
import net.twampagent.dataplane.reflector.SessionSpec;
import net.twampagent.dataplane.state.CloseReason;
import net.twampagent.dataplane.state.ConnectionSnapshot;
import net.twampagent.dataplane.state.Refusal;
import net.twampagent.dataplane.state.SessionEndReason;
import net.twampagent.dataplane.state.SessionSnapshot;
import net.twampagent.dataplane.wire.AcceptCode;
import net.twampagent.dataplane.wire.AcceptSession;
import net.twampagent.dataplane.wire.CommandNumber;
import net.twampagent.dataplane.wire.ControlMessage;
import net.twampagent.dataplane.wire.NtpTimestamp;
import net.twampagent.dataplane.wire.RequestTwSession;
import net.twampagent.dataplane.wire.ServerGreeting;
import net.twampagent.dataplane.wire.ServerStart;
import net.twampagent.dataplane.wire.SetUpResponse;
import net.twampagent.dataplane.wire.StartAck;
import net.twampagent.dataplane.wire.StopSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TWAMP-Control state machine of one admitted connection (RFC 4656 §3, RFC 5357 §3), with its sessions and
 * timers: greeting → Set-Up-Response → Server-Start → requests → Start-Sessions → Stop-Sessions → requests...
 * The timers in force are those of the configuration at admission.
 */
final class ControlConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ControlConnectionHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECURITY_MODES = 0x0F;

    private final ServerCore core;
    private final InstanceScope instance;
    private final Map<String, TestSession> sessions = new LinkedHashMap<>();
    private ChannelHandlerContext ctx;
    private long id;
    private InetSocketAddress client;
    private InetSocketAddress server;
    private Instant established;
    private ConnectionSnapshot.State state = ConnectionSnapshot.State.GREETED;
    private int mode;
    private byte[] challenge;
    private byte[] salt;
    private int count;
    private AuthMode authMode = AuthMode.NONE;
    private String keyId;
    private SessionKeys keys;
    private ControlChannel control;
    private int startedCount;
    private Duration servwait;
    private long lastActivity;
    private long lastMessageNanoTime;
    private long lastEndedSessionPacketNanoTime;
    private ScheduledFuture<?> idleTimer;
    private ScheduledFuture<?> lifetimeTimer;
    private boolean closed;

    ControlConnectionHandler(final ServerCore core, final InstanceScope instance) {
        this.core = core;
        this.instance = instance;
    }

    long id() {
        return id;
    }

    InetSocketAddress client() {
        return client;
    }

    /** The routing instance the connection arrived in; its sessions' sockets are created there too. */
    String instance() {
        return instance.name();
    }

    @Override
    public void channelActive(final ChannelHandlerContext context) {
        ctx = context;
        client = (InetSocketAddress) ctx.channel().remoteAddress();
        server = (InetSocketAddress) ctx.channel().localAddress();
        established = Instant.now();
        id = core.register(this);
        final ServerConfig config = core.config();
        servwait = config.serverInactivityTimeout();
        lastActivity = System.nanoTime();
        lastMessageNanoTime = lastActivity;
        lastEndedSessionPacketNanoTime = lastActivity;
        challenge = random(16);
        salt = random(16);
        count = config.kdfCount();
        send(new ServerGreeting(config.modesMask(), challenge, salt, count));
        if (!servwait.isZero()) {
            idleTimer = schedule(this::checkIdle, servwait.toNanos());
        }
        if (!config.maxConnectionDuration().isZero()) {
            lifetimeTimer = schedule(() -> close(CloseReason.MAX_CONNECTION_DURATION),
                config.maxConnectionDuration().toNanos());
        }
    }

    @Override
    public void channelRead(final ChannelHandlerContext context, final Object msg) {
        if (msg instanceof ControlHmacFailure) {
            if (!closed) {
                core.controlHmacFailed(id, client);
                close(CloseReason.CONTROL_HMAC_FAILURE);
            }
            return;
        }
        final ByteBuf frame = (ByteBuf) msg;
        try {
            if (closed) {
                return;
            }
            lastActivity = System.nanoTime();
            lastMessageNanoTime = lastActivity;
            if (state == ConnectionSnapshot.State.GREETED) {
                onSetUp(SetUpResponse.decode(frame));
                return;
            }
            switch (frame.getUnsignedByte(frame.readerIndex())) {
                case CommandNumber.REQUEST_TW_SESSION -> onRequest(RequestTwSession.decode(frame));
                case CommandNumber.START_SESSIONS -> onStart();
                case CommandNumber.STOP_SESSIONS -> onStop(StopSessions.decode(frame));
                default -> onUnsupported(frame.getUnsignedByte(frame.readerIndex()));
            }
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext context) {
        close(CloseReason.CLIENT_CLOSED);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext context, final Throwable cause) {
        LOG.debug("control connection {} from {} failed", id, client, cause);
        close(CloseReason.ERROR);
    }

    private void onSetUp(final SetUpResponse response) {
        final int chosen = response.mode();
        if (chosen == 0) {
            close(CloseReason.CLIENT_ABANDONED);
            return;
        }
        final int offered = core.config().modesMask();
        final int security = chosen & SECURITY_MODES;
        if (Integer.bitCount(security) != 1 || (chosen & ~offered) != 0 || AuthMode.ofBit(security) == null) {
            core.refuse(Refusal.MODE_NOT_OFFERED, client,
                String.format("mode 0x%x chosen, 0x%x offered", chosen, offered));
            send(new ServerStart(AcceptCode.NOT_SUPPORTED, new byte[16], 0));
            close(CloseReason.MODE_NOT_OFFERED);
            return;
        }
        final AuthMode chosenMode = AuthMode.ofBit(security);
        if (chosenMode == AuthMode.NONE) {
            mode = chosen;
            state = ConnectionSnapshot.State.READY;
            send(new ServerStart(AcceptCode.OK, random(16), core.startTimeNtp()));
        } else {
            authenticate(response, chosen, chosenMode);
        }
    }

    /**
     * Modes 2, 4 and 8: the Token must open under the secret its KeyID names. An unknown KeyID and a wrong
     * secret take the same path and time in {@link TokenVerifier} and get the same Server-Start (Accept 1, zeros
     * in clear, as perfSONAR sends it); only the counter, kept here afterwards, tells them apart.
     */
    private void authenticate(final SetUpResponse response, final int chosen, final AuthMode security) {
        final TokenVerifier verifier = core.verifier();
        final String presented = response.keyIdText();
        final Optional<SessionKeys> opened = verifier.verify(presented, salt, count, challenge, response.token());
        if (opened.isEmpty()) {
            core.authenticationFailed(presented, verifier.knows(presented), client);
            send(new ServerStart(AcceptCode.FAILURE, new byte[16], 0));
            close(CloseReason.REFUSED);
            return;
        }
        mode = chosen;
        authMode = security;
        keyId = presented;
        keys = opened.get();
        final byte[] serverIv = random(16);
        final ControlChannel channel = ControlChannel.forServer(keys, response.clientIv(), serverIv);
        // Server-Start's last block (Start-Time, MBZ) opens the server's chain; its first HMAC comes later.
        final ServerStart start = new ServerStart(AcceptCode.OK, serverIv, core.startTimeNtp());
        final ByteBuf buf = ctx.alloc().heapBuffer(ServerStart.SIZE);
        start.encode(buf);
        channel.encryptOutgoing(buf.nioBuffer(buf.readerIndex() + ServerStart.SIZE - 16, 16));
        control = channel;
        ctx.pipeline().get(ControlFrameDecoder.class).decipherWith(channel);
        state = ConnectionSnapshot.State.READY;
        ctx.writeAndFlush(buf);
    }

    private void onRequest(final RequestTwSession request) {
        if (state == ConnectionSnapshot.State.STARTED) {
            refuseSession(Refusal.REQUEST_WHILE_STARTED, AcceptCode.NOT_SUPPORTED,
                "Request-TW-Session while sessions run");
            return;
        }
        final String problem = SessionRequestCheck.problem(request);
        if (problem != null) {
            refuseSession(Refusal.MALFORMED_REQUEST, AcceptCode.NOT_SUPPORTED, problem);
            return;
        }
        final InetAddress sender = orElse(request.senderInetAddress(), client.getAddress());
        final InetAddress receiver = orElse(request.receiverInetAddress(), server.getAddress());
        if (RequestTwSession.ipvnOf(sender) != request.ipvn() || RequestTwSession.ipvnOf(receiver) != request.ipvn()) {
            refuseSession(Refusal.MALFORMED_REQUEST, AcceptCode.NOT_SUPPORTED, "IPVN " + request.ipvn()
                + " does not match sender " + sender.getHostAddress() + " / receiver " + receiver.getHostAddress());
            return;
        }
        final Refusal limit = core.sessionAdmission(sessions.size());
        if (limit != null) {
            final ServerConfig config = core.config();
            refuseSession(limit, AcceptCode.TEMPORARY_LIMIT, limit == Refusal.MAXIMUM_SESSIONS
                ? "maximum-sessions " + config.maximumSessions() + " reached"
                : "maximum-sessions-per-connection " + config.maximumSessionsPerConnection() + " reached");
            return;
        }
        final InetSocketAddress peer = new InetSocketAddress(sender, request.senderPort());
        // The SID comes first: in modes 2 and 4 the session's test keys are derived from it.
        final byte[] sid = core.sids().next(receiver, NtpTimestamp.ofInstant(Instant.now()));
        final TestPacketProtection protection = authMode == AuthMode.AUTHENTICATED || authMode == AuthMode.ENCRYPTED
            ? TestPacketProtection.forSession(authMode, keys, sid) : null;
        final ReflectorSession reflector;
        try {
            reflector = openReflector(new InetSocketAddress(receiver, request.receiverPort()), peer, request.dscp(),
                protection);
        } catch (BindException e) {
            refuseSession(Refusal.RECEIVER_ADDRESS_NOT_LOCAL, AcceptCode.NOT_SUPPORTED,
                "cannot bind " + receiver.getHostAddress() + ": " + e.getMessage());
            return;
        } catch (IOException e) {
            refuseSession(Refusal.NO_PORT, AcceptCode.TEMPORARY_LIMIT, "no UDP port: " + e.getMessage());
            return;
        }
        final TestSession session = new TestSession(sid, id, new SessionSpec(reflector.localAddress(), peer,
            request.dscp()), reflector, request.paddingLength(), NtpTimestamp.toDuration(request.timeout()));
        sessions.put(session.sid, session);
        core.sessionOpened();
        send(new AcceptSession(AcceptCode.OK, reflector.localAddress().getPort(), sid));
    }

    /**
     * The requested port when it is free (clients such as twampy ignore the port in Accept-Session), else any
     * free port (twping asks for the port it sends from, which on one host is taken; RFC 5357 §3.5 lets the
     * server offer another). A BindException from the second try means the address itself is not bindable.
     */
    private ReflectorSession openReflector(final InetSocketAddress local, final InetSocketAddress peer,
            final int dscp, final TestPacketProtection protection) throws IOException {
        try {
            return instance.open(core.engine(), new SessionSpec(local, peer, dscp, protection));
        } catch (BindException e) {
            if (local.getPort() == 0) {
                throw e;
            }
            final InetSocketAddress anyPort = new InetSocketAddress(local.getAddress(), 0);
            return instance.open(core.engine(), new SessionSpec(anyPort, peer, dscp, protection));
        }
    }

    private void onStart() {
        if (state == ConnectionSnapshot.State.STARTED) {
            core.refuse(Refusal.START_WHILE_STARTED, client, "Start-Sessions while sessions run");
            send(new StartAck(AcceptCode.NOT_SUPPORTED));
            return;
        }
        final long now = System.nanoTime();
        final Duration refwait = core.config().reflectorInactivityTimeout();
        for (TestSession session : sessions.values()) {
            if (session.state == SessionSnapshot.State.ACCEPTED) {
                session.state = SessionSnapshot.State.RUNNING;
                session.startedNanoTime = now;
                session.reflector.start();
                session.timer = schedule(() -> checkReflectorIdle(session, refwait), refwait.toNanos());
            }
        }
        startedCount = (int) sessions.values().stream()
            .filter(s -> s.state == SessionSnapshot.State.RUNNING).count();
        state = ConnectionSnapshot.State.STARTED;
        send(new StartAck(AcceptCode.OK));
    }

    private void onStop(final StopSessions stop) {
        final List<TestSession> running = sessions.values().stream()
            .filter(s -> s.state == SessionSnapshot.State.RUNNING).toList();
        // RFC 5357 §3.8 wants the count of sessions not yet terminated. Also taken: the count the client started
        // (it cannot know that REFWAIT ended some) and 0, which twampy always sends, as "all of them".
        final long count = stop.numberOfSessions();
        if (count != running.size() && count != startedCount && count != 0) {
            core.refuse(Refusal.STOP_COUNT_MISMATCH, client, "Stop-Sessions for " + stop.numberOfSessions()
                + " sessions, " + running.size() + " running");
            close(CloseReason.STOP_COUNT_MISMATCH);
            return;
        }
        final long now = System.nanoTime();
        for (TestSession session : running) {
            session.cancelTimer();
            session.state = SessionSnapshot.State.STOPPING;
            session.reflector.stopAt(now + session.timeout.toNanos());
            session.timer = schedule(() -> endSession(session, SessionEndReason.STOPPED),
                session.timeout.toNanos());
        }
        startedCount = 0;
        state = ConnectionSnapshot.State.READY;
    }

    private void onUnsupported(final int command) {
        refuseSession(Refusal.UNSUPPORTED_COMMAND, AcceptCode.NOT_SUPPORTED, "Command Number " + command);
        close(CloseReason.UNSUPPORTED_COMMAND);
    }

    private void refuseSession(final Refusal refusal, final int accept, final String detail) {
        core.refuse(refusal, client, detail);
        send(AcceptSession.refused(accept));
    }

    private void checkIdle() {
        idleTimer = null;
        if (closed) {
            return;
        }
        final long now = System.nanoTime();
        // SERVWAIT does not run while sessions run: the client has nothing to say until Stop-Sessions.
        final boolean running = sessions.values().stream().anyMatch(s -> s.state == SessionSnapshot.State.RUNNING);
        final long idle = running ? 0 : now - lastActivity;
        if (idle >= servwait.toNanos()) {
            LOG.info("TWAMP connection {} from {} closed: nothing received for {} (server-inactivity-timeout)",
                id, client, servwait);
            close(CloseReason.SERVER_INACTIVITY_TIMEOUT);
        } else {
            idleTimer = schedule(this::checkIdle, servwait.toNanos() - idle);
        }
    }

    private void checkReflectorIdle(final TestSession session, final Duration refwait) {
        session.timer = null;
        if (session.state != SessionSnapshot.State.RUNNING) {
            return;
        }
        final long idle = session.idleNanos(System.nanoTime());
        if (idle >= refwait.toNanos()) {
            LOG.info("TWAMP session {} of connection {} ended: no packet for {} (reflector-inactivity-timeout)",
                session.sid, id, refwait);
            endSession(session, SessionEndReason.REFLECTOR_INACTIVITY_TIMEOUT);
        } else {
            session.timer = schedule(() -> checkReflectorIdle(session, refwait), refwait.toNanos() - idle);
        }
    }

    private void endSession(final TestSession session, final SessionEndReason reason) {
        if (sessions.remove(session.sid) == null) {
            return;
        }
        session.cancelTimer();
        session.reflector.close();
        // Its packets stay part of the connection's last activity, which must not move back when it ends.
        lastEndedSessionPacketNanoTime = later(lastEndedSessionPacketNanoTime,
            session.reflector.counters().lastSenderPacketNanoTime());
        if (session.state == SessionSnapshot.State.RUNNING) {
            lastActivity = System.nanoTime();  // SERVWAIT resumes from the end of the last running session
        }
        core.sessionEnded(session.snapshot(instance.name()), reason);
        if (closed && sessions.isEmpty()) {
            core.lingerEnded(this);
        }
    }

    /** Ends the connection and all its sessions; idempotent. What was written before is flushed first. */
    void close(final CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        // Taken before its sessions end, so the event tells what the connection had, not what it has left.
        final ConnectionSnapshot last = snapshot();
        cancel(idleTimer);
        cancel(lifetimeTimer);
        final SessionEndReason sessionReason = reason == CloseReason.CLEARED
            ? SessionEndReason.CLEARED : SessionEndReason.CONNECTION_CLOSED;
        for (TestSession session : List.copyOf(sessions.values())) {
            // twping closes right after Stop-Sessions: packets still in flight get their Timeout all the same.
            if (reason != CloseReason.CLIENT_CLOSED || session.state != SessionSnapshot.State.STOPPING) {
                endSession(session, sessionReason);
            }
        }
        core.unregister(this, last, reason, !sessions.isEmpty());
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** Ends the sessions a closed connection left running out their Timeout. */
    void endRemainingSessions(final SessionEndReason reason) {
        for (TestSession session : List.copyOf(sessions.values())) {
            endSession(session, reason);
        }
    }

    ConnectionSnapshot snapshot() {
        long last = later(lastMessageNanoTime, lastEndedSessionPacketNanoTime);
        for (TestSession session : sessions.values()) {
            last = later(last, session.reflector.counters().lastSenderPacketNanoTime());
        }
        return new ConnectionSnapshot(id, client, server, state, mode, established, sessions.size(), instance.name(),
            keyId, Instant.now().minusNanos(Math.max(0, System.nanoTime() - last)));
    }

    /** The later of two {@link System#nanoTime()} readings, which may wrap around. */
    private static long later(final long a, final long b) {
        return b - a > 0 ? b : a;
    }

    void sessionSnapshots(final List<SessionSnapshot> into) {
        for (TestSession session : sessions.values()) {
            into.add(session.snapshot(instance.name()));
        }
    }

    private void send(final ControlMessage message) {
        final ByteBuf buf = ctx.alloc().heapBuffer(message.size());
        message.encode(buf);
        if (control != null) {
            control.sealMessage(buf.nioBuffer(buf.readerIndex(), buf.readableBytes()));
        }
        ctx.writeAndFlush(buf);
    }

    private ScheduledFuture<?> schedule(final Runnable task, final long delayNanos) {
        return ctx.executor().schedule(task, Math.max(delayNanos, 0), TimeUnit.NANOSECONDS);
    }

    private static void cancel(final ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private static InetAddress orElse(final InetAddress value, final InetAddress fallback) {
        return value != null ? value : fallback;
    }

    private static byte[] random(final int length) {
        final byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
