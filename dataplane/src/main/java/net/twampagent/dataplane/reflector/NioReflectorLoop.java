package net.twampagent.dataplane.reflector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import net.twampagent.dataplane.wire.TestPacketLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One reflector thread of the NIO engine: a selector over its sessions' channels, one buffer, one clock. */
final class NioReflectorLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(NioReflectorLoop.class);
    private static final long SELECT_TIMEOUT_MILLIS = 1000;
    private static final long DEREGISTER_WAIT_NANOS = 1_000_000_000L;

    private final Selector selector;
    private final Queue<NioReflectorSession> pending = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(TestPacketLayout.MAX_DATAGRAM);
    private final WallClock clock = new WallClock();
    private final Consumer<SelectionKey> onReady = this::onReady;
    private final short errorEstimate;
    private final Thread thread;
    private volatile boolean running = true;

    NioReflectorLoop(final String name, final short errorEstimate) throws IOException {
        this.selector = Selector.open();
        this.errorEstimate = errorEstimate;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this);
    }

    short errorEstimate() {
        return errorEstimate;
    }

    void register(final NioReflectorSession session) {
        pending.add(session);
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select(onReady, SELECT_TIMEOUT_MILLIS);
                registerPending();
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.error("reflector thread {} stopped: {}", thread.getName(), e.toString());
        } finally {
            for (SelectionKey key : selector.keys()) {
                ((NioReflectorSession) key.attachment()).close();
            }
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("closing the selector of {}", thread.getName(), e);
            }
        }
    }

    private void registerPending() {
        NioReflectorSession session;
        while ((session = pending.poll()) != null) {
            try {
                session.channel().register(selector, SelectionKey.OP_READ, session);
            } catch (ClosedChannelException e) {
                // Closed between open and registration: nothing left to serve.
            }
        }
    }

    private void onReady(final SelectionKey key) {
        ((NioReflectorSession) key.attachment()).drain(buffer, clock);
    }

    /**
     * Waits (briefly, bounded) until the selector has let go of a closed channel: NIO releases a registered
     * channel's socket only then, and the control layer may want the port again at once.
     */
    void awaitDeregistered(final DatagramChannel channel) {
        if (Thread.currentThread() == thread || !thread.isAlive()) {
            return;
        }
        selector.wakeup();
        final long deadline = System.nanoTime() + DEREGISTER_WAIT_NANOS;
        while (channel.isRegistered() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
