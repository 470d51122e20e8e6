package net.twampagent.dataplane.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import net.twampagent.dataplane.crypto.TestPacketProtection;
import net.twampagent.dataplane.reflector.WallClock;
import net.twampagent.dataplane.wire.ErrorEstimate;
import net.twampagent.dataplane.wire.TestPacketLayout;

/**
 * The Session-Sender of one accepted session: sends numbered, timestamped packets at a fixed interval (or as
 * fast as it can with interval 0) while a second thread collects the replies. In authenticated and encrypted
 * modes the packets take the protected layout and are sealed, and a reply counts only when its HMAC verifies;
 * each thread has its own cipher state.
 */
public final class SessionSender {
    private static final int RECEIVE_POLL_MILLIS = 50;

    private SessionSender() {
    }

    /**
     * Sends {@code count} packets and waits up to {@code wait} after the last for stragglers.
     *
     * @param onReply called for each distinct reply as it arrives, on the receiving thread (may be null)
     */
    public static SessionStatistics run(final AcceptedSession session, final int count, final Duration interval,
            final Duration wait, final Consumer<PacketResult> onReply) throws IOException, InterruptedException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, not " + count);
        }
        // One time scale for T1 and T4, whichever thread reads them, so a round trip is exact monotonic time.
        final WallClock clock = WallClock.anchoredOnce();
        final Receiver receiver = new Receiver(session, count, onReply, clock.sameAnchor());
        final Thread thread = Thread.ofPlatform().name("twamp-sender-rx").daemon().start(receiver);
        final DatagramSocket socket = session.socket();
        final TestPacketProtection protection = session.protectedPackets() ? session.newProtection() : null;
        final Layout layout = protection == null ? Layout.CLEAR : Layout.PROTECTED;
        final byte[] packet = new byte[layout.senderPadding + session.request().paddingLength()];
        final ByteBuffer buf = ByteBuffer.wrap(packet);
        final DatagramPacket datagram = new DatagramPacket(packet, packet.length, session.reflector());
        final long step = interval.toNanos();
        long next = System.nanoTime();
        int sent = 0;
        for (int seq = 0; seq < count; seq++) {
            final long delay = next - System.nanoTime();
            if (delay > 0) {
                LockSupport.parkNanos(delay);
            }
            next += step;
            if (protection != null) {
                // Sealing ciphers the header in place: every field and MBZ octet is written afresh.
                Arrays.fill(packet, 0, layout.senderPadding, (byte) 0);
            }
            buf.putInt(TestPacketLayout.SENDER_SEQUENCE, seq);
            buf.putShort(layout.senderErrorEstimate, ErrorEstimate.UNSYNCHRONIZED);
            buf.putLong(layout.senderTimestamp, clock.nowNtp());
            if (protection != null) {
                protection.sealSender(buf);
            }
            socket.send(datagram);
            sent++;
        }
        receiver.deadline = System.nanoTime() + wait.toNanos();
        thread.join(wait.toMillis() + 5000);
        return receiver.statistics(sent);
    }

    /** Where the fields of the test packets are, in clear (modes 1 and 8) or protected (modes 2 and 4). */
    private enum Layout {
        CLEAR(TestPacketLayout.SENDER_TIMESTAMP, TestPacketLayout.SENDER_ERROR_ESTIMATE,
            TestPacketLayout.SENDER_PADDING, TestPacketLayout.REFLECTED_MINIMUM, TestPacketLayout.TIMESTAMP,
            TestPacketLayout.ERROR_ESTIMATE, TestPacketLayout.RECEIVE_TIMESTAMP, TestPacketLayout.COPIED_SEQUENCE,
            TestPacketLayout.COPIED_TIMESTAMP, TestPacketLayout.SENDER_TTL),
        PROTECTED(TestPacketLayout.PROTECTED_SENDER_TIMESTAMP, TestPacketLayout.PROTECTED_SENDER_ERROR_ESTIMATE,
            TestPacketLayout.PROTECTED_SENDER_PADDING, TestPacketLayout.PROTECTED_PADDING,
            TestPacketLayout.PROTECTED_TIMESTAMP, TestPacketLayout.PROTECTED_ERROR_ESTIMATE,
            TestPacketLayout.PROTECTED_RECEIVE_TIMESTAMP, TestPacketLayout.PROTECTED_COPIED_SEQUENCE,
            TestPacketLayout.PROTECTED_COPIED_TIMESTAMP, TestPacketLayout.PROTECTED_SENDER_TTL);

        final int senderTimestamp;
        final int senderErrorEstimate;
        final int senderPadding;
        final int reflectedMinimum;
        final int timestamp;
        final int errorEstimate;
        final int receiveTimestamp;
        final int copiedSequence;
        final int copiedTimestamp;
        final int senderTtl;

        Layout(final int senderTimestamp, final int senderErrorEstimate, final int senderPadding,
                final int reflectedMinimum, final int timestamp, final int errorEstimate, final int receiveTimestamp,
                final int copiedSequence, final int copiedTimestamp, final int senderTtl) {
            this.senderTimestamp = senderTimestamp;
            this.senderErrorEstimate = senderErrorEstimate;
            this.senderPadding = senderPadding;
            this.reflectedMinimum = reflectedMinimum;
            this.timestamp = timestamp;
            this.errorEstimate = errorEstimate;
            this.receiveTimestamp = receiveTimestamp;
            this.copiedSequence = copiedSequence;
            this.copiedTimestamp = copiedTimestamp;
            this.senderTtl = senderTtl;
        }
    }

    /** Collects replies until every packet came back or the deadline passed. */
    private static final class Receiver implements Runnable {
        private final AcceptedSession session;
        private final Consumer<PacketResult> onReply;
        private final WallClock clock;
        private final TestPacketProtection protection;
        private final Layout layout;
        private final PacketResult[] results;
        private final List<PacketResult> arrivals = new ArrayList<>();
        private volatile long deadline = Long.MAX_VALUE;
        private long duplicates;
        private long reordered;
        private long highest = -1;
        private int distinct;

        Receiver(final AcceptedSession session, final int count, final Consumer<PacketResult> onReply,
                final WallClock clock) {
            this.session = session;
            this.clock = clock;
            this.onReply = onReply;
            this.protection = session.protectedPackets() ? session.newProtection() : null;
            this.layout = protection == null ? Layout.CLEAR : Layout.PROTECTED;
            this.results = new PacketResult[count];
        }

        @Override
        public void run() {
            final byte[] bytes = new byte[TestPacketLayout.MAX_DATAGRAM];
            final DatagramPacket datagram = new DatagramPacket(bytes, bytes.length);
            final ByteBuffer buf = ByteBuffer.wrap(bytes);
            try {
                session.socket().setSoTimeout(RECEIVE_POLL_MILLIS);
                while (distinct < results.length && System.nanoTime() - deadline < 0) {
                    try {
                        session.socket().receive(datagram);
                    } catch (SocketTimeoutException e) {
                        continue;
                    }
                    final long t4 = clock.nowNtp();
                    if (datagram.getLength() >= layout.reflectedMinimum
                            && session.reflector().equals(datagram.getSocketAddress())
                            && (protection == null || protection.openReflector(buf, 0, datagram.getLength()))) {
                        record(buf, datagram.getLength(), t4);
                    }
                }
            } catch (IOException e) {
                // The socket was closed: what came back so far is the result.
            }
        }

        private void record(final ByteBuffer buf, final int length, final long t4) {
            final long senderSeq = Integer.toUnsignedLong(buf.getInt(layout.copiedSequence));
            if (senderSeq >= results.length) {
                return;
            }
            if (results[(int) senderSeq] != null) {
                duplicates++;
                return;
            }
            if (senderSeq < highest) {
                reordered++;
            }
            highest = Math.max(highest, senderSeq);
            final PacketResult result = new PacketResult(senderSeq,
                Integer.toUnsignedLong(buf.getInt(TestPacketLayout.SEQUENCE)),
                buf.getLong(layout.copiedTimestamp), buf.getLong(layout.receiveTimestamp),
                buf.getLong(layout.timestamp), t4, buf.get(layout.senderTtl) & 0xFF, length,
                ErrorEstimate.isSynchronized(buf.getShort(layout.errorEstimate)));
            results[(int) senderSeq] = result;
            arrivals.add(result);
            distinct++;
            if (onReply != null) {
                onReply.accept(result);
            }
        }

        SessionStatistics statistics(final long sent) {
            final List<PacketResult> bySequence = new ArrayList<>(arrivals);
            bySequence.sort(Comparator.comparingLong(PacketResult::senderSequence));
            return SessionStatistics.of(sent, bySequence, duplicates, reordered);
        }
    }
}
