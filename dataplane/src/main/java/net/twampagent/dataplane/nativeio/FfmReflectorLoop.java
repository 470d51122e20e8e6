package net.twampagent.dataplane.nativeio;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import net.twampagent.dataplane.crypto.TestPacketProtection;
import net.twampagent.dataplane.reflector.ReflectStep;
import net.twampagent.dataplane.reflector.SessionCounters;
import net.twampagent.dataplane.reflector.SessionSpec;
import net.twampagent.dataplane.state.DropReason;
import net.twampagent.dataplane.wire.NtpTimestamp;
import net.twampagent.dataplane.wire.TestPacketLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reflector thread of the FFM engine: an epoll set over its sessions' sockets, one batch of off-heap slots
 * shared by all of them, a wall clock and the kernel's clock-sync state. Per readable socket: one recvmmsg, the
 * checks and {@link ReflectStep} on each datagram in its slot, one clock reading for T3, one sendmmsg.
 *
 * <p>Nothing on that path allocates, locks or logs. Sessions arrive through epoll_ctl from the opening thread;
 * they leave through a queue the thread drains when the eventfd wakes it, so only this thread ever closes a
 * descriptor it may be reading.
 */
final class FfmReflectorLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FfmReflectorLoop.class);
    /** Room for the largest UDP payload: no datagram is ever truncated. */
    private static final int SLOT_SIZE = 65_536;
    private static final int MAX_SESSIONS = 16_384;
    private static final int IDLE_WAIT_MILLIS = 100;
    private static final long SYNC_REFRESH_NANOS = 1_000_000_000L;
    private static final long START_WAIT_SECONDS = 120;
    private static final long WAKE_TOKEN = -1;

    private final FfmEngineSettings settings;
    private final int cpu;
    private final EpollSelector epoll;
    private final EventFdSignal wakeup;
    private final AtomicReferenceArray<FfmReflectorSession> sessions = new AtomicReferenceArray<>(MAX_SESSIONS);
    private final int[] freeSlots = new int[MAX_SESSIONS];
    private final Queue<FfmReflectorSession> retiring = new ConcurrentLinkedQueue<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;
    private int freeCount;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private final int[] queuedSlot;
    private final int[] senderSequences;
    private final int[] replyLengths;
    private final int[] ownSequences;
    private final long[] receiveNanos;
    private final long[] receiveNtp;
    private DatagramBatch batch;
    private ByteBuffer[] views;
    private NativeClock clock;
    private KernelClockSync clockSync;
    private short errorEstimate;
    private long nextSyncRefresh;
    private long lastPacketNanoTime = Long.MIN_VALUE / 2;

    FfmReflectorLoop(final String name, final FfmEngineSettings settings, final int cpu) throws IOException {
        this.settings = settings;
        this.cpu = cpu;
        this.queuedSlot = new int[settings.batch()];
        this.senderSequences = new int[settings.batch()];
        this.replyLengths = new int[settings.batch()];
        this.ownSequences = new int[settings.batch()];
        this.receiveNanos = new long[settings.batch()];
        this.receiveNtp = new long[settings.batch()];
        for (int i = 0; i < MAX_SESSIONS; i++) {
            freeSlots[i] = MAX_SESSIONS - 1 - i;
        }
        freeCount = MAX_SESSIONS;
        this.epoll = new EpollSelector(settings.batch());
        try {
            this.wakeup = new EventFdSignal();
            epoll.add(wakeup.fd(), WAKE_TOKEN);
        } catch (NativeIoException e) {
            epoll.close();
            throw e;
        }
        this.thread = Thread.ofPlatform().name(name).daemon().start(this);
        try {
            if (!ready.await(START_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException(name + " did not finish its warm-up in " + START_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + name + " warmed up", e);
        }
        if (failure != null) {
            throw new IOException(name + " failed to start: " + failure, failure);
        }
    }

    long threadId() {
        return thread.threadId();
    }

    /** Puts an open, configured socket under this thread; it is served from the next epoll_wait on. */
    FfmReflectorSession register(final NativeUdpSocket socket, final SessionSpec spec) throws IOException {
        if (!running || failure != null) {
            throw new IOException(thread.getName() + " is not running");
        }
        final int slot = reserveSlot();
        try {
            final FfmReflectorSession session = new FfmReflectorSession(socket, spec, this, slot);
            sessions.set(slot, session);
            epoll.add(socket.fd(), slot);
            return session;
        } catch (IOException | RuntimeException e) {
            sessions.set(slot, null);
            releaseSlot(slot);
            throw e;
        }
    }

    private synchronized int reserveSlot() throws IOException {
        if (freeCount == 0) {
            throw new IOException(thread.getName() + " already serves " + MAX_SESSIONS + " sessions");
        }
        return freeSlots[--freeCount];
    }

    private synchronized void releaseSlot(final int slot) {
        freeSlots[freeCount++] = slot;
    }

    /** Asks this thread to close the session's socket; closes it here if the thread has already ended. */
    void retire(final FfmReflectorSession session) {
        if (Thread.currentThread() == thread) {
            drop(session);
            return;
        }
        retiring.add(session);
        if (thread.isAlive()) {
            wakeup.signal();
        } else {
            retirePending();
        }
    }

    private synchronized void retirePending() {
        FfmReflectorSession session;
        while ((session = retiring.poll()) != null) {
            drop(session);
        }
    }

    private void drop(final FfmReflectorSession session) {
        if (sessions.compareAndSet(session.slot, session, null)) {
            releaseSlot(session.slot);
        }
        session.release();
    }

    @Override
    public void run() {
        try {
            if (cpu >= 0) {
                CpuAffinity.pinCurrentThread(cpu);
            }
            try (Arena arena = Arena.ofConfined()) {
                prepare(arena);
                warmUp();
                ready.countDown();
                while (running) {
                    pollOnce(hot() ? 0 : IDLE_WAIT_MILLIS);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            LOG.error("FFM reflector thread {} stopped: {}", thread.getName(), e.toString());
        } finally {
            running = false;
            ready.countDown();
            for (int i = 0; i < MAX_SESSIONS; i++) {
                final FfmReflectorSession session = sessions.get(i);
                if (session != null) {
                    drop(session);
                }
            }
            retirePending();
        }
    }

    private void prepare(final Arena arena) {
        batch = new DatagramBatch(arena, settings.batch(), SLOT_SIZE);
        views = new ByteBuffer[settings.batch()];
        for (int i = 0; i < views.length; i++) {
            views[i] = batch.payload(i).asByteBuffer();
        }
        clock = new NativeClock(arena);
        clockSync = new KernelClockSync(arena);
        errorEstimate = clockSync.errorEstimate();
        nextSyncRefresh = System.nanoTime() + SYNC_REFRESH_NANOS;
    }

    private boolean hot() {
        return settings.spinNanos() > 0 && System.nanoTime() - lastPacketNanoTime < settings.spinNanos();
    }

    /** One epoll_wait and the service of every ready socket; returns the datagrams received. */
    private int pollOnce(final int timeoutMillis) throws NativeIoException {
        final int readyCount = epoll.await(timeoutMillis);
        int received = 0;
        for (int i = 0; i < readyCount; i++) {
            final long token = epoll.token(i);
            if (token == WAKE_TOKEN) {
                wakeup.clear();
                retirePending();
            } else {
                final FfmReflectorSession session = sessions.get((int) token);
                if (session != null) {
                    received += serve(session);
                }
            }
        }
        final long now = System.nanoTime();
        if (received > 0) {
            lastPacketNanoTime = now;
        }
        if (now - nextSyncRefresh >= 0) {
            errorEstimate = clockSync.errorEstimate();
            nextSyncRefresh = now + SYNC_REFRESH_NANOS;
        }
        return received;
    }

    /** Receives one batch from the session's socket and sends the replies (RFC 5357 §4.2.1). */
    private int serve(final FfmReflectorSession session) {
        final int fd = session.socket.fd();
        final int count;
        try {
            count = batch.receive(fd);
        } catch (NativeIoException e) {
            return 0;
        }
        if (count == 0) {
            return 0;
        }
        final SessionCounters counters = session.counters();
        final long now = System.nanoTime();
        final DropReason lifecycle = session.lifecycleDrop(now);
        final TestPacketProtection protection = session.protection();
        long fallbackReceiveNanos = 0;
        int queued = 0;
        for (int i = 0; i < count; i++) {
            counters.onReceived();
            if (!batch.cameFrom(i, session.peer)) {
                counters.onDropped(DropReason.STRANGER);
                continue;
            }
            counters.onSenderPacket(now);
            final int length = batch.length(i);
            if (lifecycle != null) {
                counters.onDropped(lifecycle);
                continue;
            }
            if (length < ReflectStep.senderMinimum(protection)) {
                counters.onDropped(DropReason.TOO_SHORT);
                continue;
            }
            long t2 = batch.receiveTimeNanos(i);
            if (t2 == 0) {
                if (fallbackReceiveNanos == 0) {
                    fallbackReceiveNanos = clock.realtimeNanos();
                }
                t2 = fallbackReceiveNanos;
            }
            final ByteBuffer packet = views[i];
            final int ttl = batch.timeToLive(i);
            receiveNanos[queued] = t2;
            receiveNtp[queued] = NtpTimestamp.ofEpochNanos(t2);
            final int replyLength = ReflectStep.reflect(protection, packet, 0, length, session.sequence,
                    receiveNtp[queued], errorEstimate, ttl < 0 ? TestPacketLayout.UNKNOWN_TTL : ttl);
            if (replyLength == ReflectStep.BAD_HMAC) {
                counters.onDropped(DropReason.BAD_HMAC);
                continue;
            }
            // Read from the reply: in encrypted mode the sender's Sequence Number is ciphered until reflect.
            senderSequences[queued] = packet.getInt(protection == null ? TestPacketLayout.COPIED_SEQUENCE
                    : TestPacketLayout.PROTECTED_COPIED_SEQUENCE);
            ownSequences[queued] = session.sequence++;
            replyLengths[queued] = replyLength;
            batch.queueReply(i, replyLength);
            queuedSlot[queued++] = i;
        }
        if (queued > 0) {
            final long t3 = clock.realtimeNanos();
            final long t3Ntp = NtpTimestamp.ofEpochNanos(t3);
            for (int q = 0; q < queued; q++) {
                ReflectStep.stampTransmit(protection, views[queuedSlot[q]], 0, replyLengths[q],
                        ReflectStep.transmitTimestamp(receiveNtp[q], t3Ntp));
            }
            batch.send(fd);
            for (int q = 0; q < queued; q++) {
                if (batch.wasSent(q)) {
                    counters.onReflected(senderSequences[q], ownSequences[q], Math.max(0, t3 - receiveNanos[q]));
                } else {
                    counters.onDropped(DropReason.SEND_FAILED);
                }
            }
        }
        return count;
    }

    /**
     * Reflects private loopback traffic through every branch of {@link #pollOnce} (not started, stranger, too
     * short, batches of every size, after stop, idle timeouts) so the JIT has compiled them before a real packet
     * arrives; a cold loop took milliseconds per packet and deoptimised on its first idle period.
     */
    private void warmUp() throws IOException {
        final int rounds = settings.warmupRounds();
        if (rounds == 0) {
            return;
        }
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        try (Arena arena = Arena.ofConfined();
                NativeUdpSocket sender = NativeUdpSocket.bind(new InetSocketAddress(loopback, 0));
                NativeUdpSocket stranger = NativeUdpSocket.bind(new InetSocketAddress(loopback, 0))) {
            final NativeUdpSocket socket = NativeUdpSocket.bind(new InetSocketAddress(loopback, 0));
            final FfmReflectorSession session;
            try {
                socket.receiveMetadata(false);
                session = register(socket, new SessionSpec(new InetSocketAddress(loopback, 0), sender.localAddress(), 0));
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
            final DatagramBatch out = new DatagramBatch(arena, settings.batch(), 256);
            final MemorySegment target = Sockaddrs.allocate(arena, session.localAddress());
            for (int round = 0; round < rounds; round++) {
                if (round == rounds / 8) {
                    session.start();
                }
                if (round == rounds - rounds / 8) {
                    session.stopAt(System.nanoTime());
                }
                final int count = 1 + round % settings.batch();
                for (int j = 0; j < count; j++) {
                    out.payload(j).fill((byte) 0);
                    out.queueTo(j, j == 0 && round % 7 == 3 ? 10 : 64, target);
                }
                out.send(round % 5 == 4 ? stranger.fd() : sender.fd());
                long served = 0;
                for (int spin = 0; spin < 1_000 && served < count; spin++) {
                    served += pollOnce(spin < 10 ? 0 : 1);
                }
                while (out.receive(sender.fd()) > 0) {
                    // replies are not checked here; the tests do that
                }
            }
            for (int idle = 0; idle < 3; idle++) {
                pollOnce(1);
            }
            drop(session);
            lastPacketNanoTime = Long.MIN_VALUE / 2;
        }
    }

    /** Ends the thread (it closes its sessions) and waits for it. */
    void close() {
        running = false;
        if (thread.isAlive()) {
            wakeup.signal();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!thread.isAlive()) {
            epoll.close();
            wakeup.close();
        }
    }
}
