package net.twampagent.dataplane.bench;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.net.InetSocketAddress;
import net.twampagent.dataplane.nativeio.CpuAffinity;
import net.twampagent.dataplane.nativeio.DatagramBatch;
import net.twampagent.dataplane.nativeio.EpollSelector;
import net.twampagent.dataplane.nativeio.NativeIoException;
import net.twampagent.dataplane.nativeio.NativeUdpSocket;

/**
 * The baseline: a UDP echo on the very calls the reflector uses (epoll, recvmmsg, sendmmsg, the same batch and
 * the same spin-then-sleep policy) that sends every datagram back unchanged. No timestamps, no TWAMP work: the
 * most a reflector built on these calls could reach on this machine.
 */
final class PlainEcho implements AutoCloseable {
    private static final int BATCH = 32;
    private static final int BUFFER = 4 << 20;

    private final NativeUdpSocket socket;
    private final EpollSelector epoll;
    private final long spinNanos;
    private final int cpu;
    private final Thread thread;
    private volatile boolean running = true;

    PlainEcho(final InetSocketAddress local, final long spinNanos, final int cpu) throws IOException {
        this.socket = NativeUdpSocket.bind(local);
        socket.bufferSizes(BUFFER, BUFFER);
        this.epoll = new EpollSelector(1);
        epoll.add(socket.fd(), 0);
        this.spinNanos = spinNanos;
        this.cpu = cpu;
        this.thread = Thread.ofPlatform().name("plain-echo").daemon().start(this::run);
    }

    long threadId() {
        return thread.threadId();
    }

    InetSocketAddress address() throws NativeIoException {
        return socket.localAddress();
    }

    private void run() {
        try (Arena arena = Arena.ofConfined()) {
            if (cpu >= 0) {
                CpuAffinity.pinCurrentThread(cpu);
            }
            final DatagramBatch batch = new DatagramBatch(arena, BATCH, 2048);
            long lastPacket = Long.MIN_VALUE / 2;
            while (running) {
                final boolean hot = System.nanoTime() - lastPacket < spinNanos;
                if (epoll.await(hot ? 0 : 100) > 0) {
                    final int count = batch.receive(socket.fd());
                    for (int i = 0; i < count; i++) {
                        batch.queueReply(i, batch.length(i));
                    }
                    if (count > 0) {
                        batch.send(socket.fd());
                        lastPacket = System.nanoTime();
                    }
                }
            }
        } catch (NativeIoException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        epoll.close();
        socket.close();
    }
}
