package net.twampagent.dataplane.reflector;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicInteger;
import net.twampagent.dataplane.wire.ErrorEstimate;

/**
 * The portable engine, on java.nio: a non-blocking {@link DatagramChannel} per session (so the DSCP of each
 * session is a socket option) and a small fixed set of reflector threads, each with its own selector, receive
 * buffer and clock, sessions spread over them in turn. It cannot read the arriving TTL (it reports 255) and
 * takes T2 in user space right after the receive call returns.
 */
public final class NioReflectorEngine implements ReflectorEngine {
    private static final int RECEIVE_BUFFER = 1 << 20;

    private final NioReflectorLoop[] loops;
    private final AtomicInteger next = new AtomicInteger();

    /** An engine with {@code threads} reflector threads (at least 1). */
    public NioReflectorEngine(final int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("a reflector engine needs at least one thread, not " + threads);
        }
        loops = new NioReflectorLoop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = new NioReflectorLoop("twamp-reflector-nio-" + i, ErrorEstimate.UNSYNCHRONIZED);
        }
    }

    @Override
    public String name() {
        return "nio";
    }

    @Override
    public ReflectorSession open(final SessionSpec spec) throws IOException {
        final DatagramChannel channel = DatagramChannel.open(spec.local().getAddress() instanceof Inet4Address
            ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            channel.setOption(StandardSocketOptions.IP_TOS, spec.dscp() << 2);
            channel.bind(spec.local());
            final NioReflectorLoop loop = loops[Math.floorMod(next.getAndIncrement(), loops.length)];
            final NioReflectorSession session = new NioReflectorSession(channel, spec, loop);
            loop.register(session);
            return session;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() {
        for (NioReflectorLoop loop : loops) {
            loop.close();
        }
    }
}
