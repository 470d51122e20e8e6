package net.twampagent.dataplane.nativeio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

final class EpollSelectorTest {
    @Test
    void reportsTheTokenOfTheSocketThatHasADatagramAndTimesOutOtherwise() throws Exception {
        final InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
        try (Arena arena = Arena.ofConfined();
                EpollSelector epoll = new EpollSelector(4);
                NativeUdpSocket quiet = NativeUdpSocket.bind(loopback);
                NativeUdpSocket busy = NativeUdpSocket.bind(loopback)) {
            epoll.add(quiet.fd(), 11);
            epoll.add(busy.fd(), 22);
            assertEquals(0, epoll.await(20));

            final DatagramBatch batch = new DatagramBatch(arena, 1, 64);
            batch.queueTo(0, 10, Sockaddrs.allocate(arena, busy.localAddress()));
            assertEquals(1, batch.send(quiet.fd()));
            assertEquals(1, epoll.await(5_000));
            assertEquals(22, epoll.token(0));

            batch.receive(busy.fd());
            assertEquals(0, epoll.await(0), "level-triggered: nothing left, nothing reported");
            epoll.remove(busy.fd());
            assertThrows(NativeIoException.class, () -> epoll.remove(busy.fd()));
        }
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EpollSelector(0));
    }
}
