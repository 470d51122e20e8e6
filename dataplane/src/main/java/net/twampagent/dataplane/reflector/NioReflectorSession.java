package net.twampagent.dataplane.reflector;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import net.twampagent.dataplane.crypto.TestPacketProtection;
import net.twampagent.dataplane.state.DropReason;
import net.twampagent.dataplane.wire.TestPacketLayout;

/** A session of the NIO engine: its channel, its peer, its own sequence number and counters. */
final class NioReflectorSession extends AbstractReflectorSession {
    /** Datagrams served per readiness before other sessions of the thread get their turn. */
    private static final int BURST = 64;

    private final DatagramChannel channel;
    private final InetSocketAddress peer;
    private final short errorEstimate;
    private final NioReflectorLoop loop;
    private int sequence;

    NioReflectorSession(final DatagramChannel channel, final SessionSpec spec, final NioReflectorLoop loop)
            throws IOException {
        super((InetSocketAddress) channel.getLocalAddress(), spec);
        this.channel = channel;
        this.loop = loop;
        this.peer = spec.peer();
        this.errorEstimate = loop.errorEstimate();
    }

    DatagramChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a datagram channel only fails when it is already unusable; the port is released either way.
        }
        loop.awaitDeregistered(channel);
    }

    /** Serves the datagrams waiting on the channel; runs on the session's reflector thread only. */
    void drain(final ByteBuffer buf, final WallClock clock) {
        final SessionCounters counters = counters();
        final TestPacketProtection protection = protection();
        for (int i = 0; i < BURST; i++) {
            buf.clear();
            final SocketAddress from;
            try {
                from = channel.receive(buf);
            } catch (IOException e) {
                return;
            }
            if (from == null) {
                return;
            }
            final long t2 = clock.nowNtp();
            final long t2Nanos = clock.lastNanoTime();
            final int length = buf.position();
            counters.onReceived();
            final DropReason drop = check(from, length, t2Nanos);
            if (drop != null) {
                counters.onDropped(drop);
                continue;
            }
            final int replyLength = ReflectStep.reflect(protection, buf, 0, length, sequence, t2, errorEstimate,
                TestPacketLayout.UNKNOWN_TTL);
            if (replyLength == ReflectStep.BAD_HMAC) {
                counters.onDropped(DropReason.BAD_HMAC);
                continue;
            }
            // Read after reflect: in encrypted mode the Sequence Number is ciphered until then.
            final int senderSequence = buf.getInt(protection == null ? TestPacketLayout.COPIED_SEQUENCE
                : TestPacketLayout.PROTECTED_COPIED_SEQUENCE);
            final int ownSequence = sequence++;
            buf.limit(replyLength).position(0);
            ReflectStep.stampTransmit(protection, buf, 0, replyLength,
                ReflectStep.transmitTimestamp(t2, clock.nowNtp()));
            final long t3Nanos = clock.lastNanoTime();
            int sent;
            try {
                sent = channel.send(buf, from);
            } catch (IOException e) {
                sent = 0;
            }
            if (sent == 0) {
                counters.onDropped(DropReason.SEND_FAILED);
            } else {
                counters.onReflected(senderSequence, ownSequence, t3Nanos - t2Nanos);
            }
        }
    }

    private DropReason check(final SocketAddress from, final int length, final long nowNanos) {
        if (!peer.equals(from)) {
            return DropReason.STRANGER;
        }
        counters().onSenderPacket(nowNanos);
        final DropReason lifecycle = lifecycleDrop(nowNanos);
        if (lifecycle != null) {
            return lifecycle;
        }
        if (length < ReflectStep.senderMinimum(protection())) {
            return DropReason.TOO_SHORT;
        }
        return null;
    }
}
