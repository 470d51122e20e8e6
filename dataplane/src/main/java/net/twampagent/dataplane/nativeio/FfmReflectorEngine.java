package net.twampagent.dataplane.nativeio;

import java.io.IOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.twampagent.dataplane.reflector.ReflectorEngine;
import net.twampagent.dataplane.reflector.ReflectorSession;
import net.twampagent.dataplane.reflector.SessionSpec;

/**
 * The Linux Session-Reflector engine on java.lang.foreign: batched recvmmsg/sendmmsg over off-heap slots, one
 * epoll thread per core with the sessions spread over them, T2 from the kernel's receive timestamp, T3 read just
 * before sendmmsg, the real TTL / Hop Limit of each sender packet, the session's DSCP on every reply and the
 * kernel's clock-sync state in the Error Estimate.
 */
public final class FfmReflectorEngine implements ReflectorEngine {
    private static final int SOCKET_BUFFER = 1 << 20;
    private static final int REPLY_TTL = 255;

    private final FfmReflectorLoop[] loops;
    private final AtomicInteger next = new AtomicInteger();

    /** Starts the threads and warms them up; returns when every thread is ready to serve. */
    public FfmReflectorEngine(final FfmEngineSettings settings) throws IOException {
        if (!NativeIo.available()) {
            throw new IOException("the FFM reflector cannot run here: " + NativeIo.unavailableReason().orElse(""));
        }
        loops = new FfmReflectorLoop[settings.threads()];
        try {
            for (int i = 0; i < loops.length; i++) {
                final int cpu = settings.cpus().isEmpty() ? -1 : settings.cpus().get(i % settings.cpus().size());
                loops[i] = new FfmReflectorLoop("twamp-reflector-ffm-" + i, settings, cpu);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "ffm";
    }

    @Override
    public ReflectorSession open(final SessionSpec spec) throws IOException {
        final NativeUdpSocket socket;
        try {
            socket = NativeUdpSocket.bind(spec.local());
        } catch (NativeIoException e) {
            if (e.cannotBind()) {
                final BindException refused = new BindException("cannot bind " + spec.local() + ": " + e.getMessage());
                refused.initCause(e);
                throw refused;
            }
            throw e;
        }
        try {
            socket.receiveMetadata(false);
            socket.trafficClass(spec.dscp() << 2);
            // As twampd does: twping reads 255 minus the reply's TTL as the hops back, which the OS default 64 breaks.
            socket.timeToLive(REPLY_TTL);
            socket.bufferSizes(SOCKET_BUFFER, SOCKET_BUFFER);
            return loops[Math.floorMod(next.getAndIncrement(), loops.length)].register(socket, spec);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The reflector threads' ids, for measuring what they allocate and the CPU time they use. */
    public List<Long> threadIds() {
        final List<Long> ids = new ArrayList<>();
        for (FfmReflectorLoop loop : loops) {
            ids.add(loop.threadId());
        }
        return ids;
    }

    @Override
    public void close() {
        for (FfmReflectorLoop loop : loops) {
            if (loop != null) {
                loop.close();
            }
        }
    }
}
