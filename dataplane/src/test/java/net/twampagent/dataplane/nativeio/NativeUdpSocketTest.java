package net.twampagent.dataplane.nativeio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

final class NativeUdpSocketTest {
    @Test
    void bindingPortZeroPicksAFreePortOnTheGivenAddress() throws Exception {
        final InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (NativeUdpSocket socket = NativeUdpSocket.bind(new InetSocketAddress(loopback, 0))) {
            final InetSocketAddress local = socket.localAddress();
            assertEquals(loopback, local.getAddress());
            assertTrue(local.getPort() > 0);
        }
    }

    @Test
    void aTakenPortIsAClearAddressInUseError() throws Exception {
        try (NativeUdpSocket first = NativeUdpSocket.bind(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            final NativeIoException error = assertThrows(NativeIoException.class,
                    () -> NativeUdpSocket.bind(first.localAddress()));
            assertTrue(error.addressInUse());
            assertTrue(error.getMessage().contains("bind(") && error.getMessage().contains("in use"),
                    error.getMessage());
        }
    }

    @Test
    void outOfRangeValuesAreRefusedBeforeReachingTheKernel() throws Exception {
        try (NativeUdpSocket socket = NativeUdpSocket.bind(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            assertThrows(IllegalArgumentException.class, () -> socket.timeToLive(0));
            assertThrows(IllegalArgumentException.class, () -> socket.timeToLive(256));
            assertThrows(IllegalArgumentException.class, () -> socket.trafficClass(-1));
        }
    }

    @Test
    void anOptionTheKernelRefusesNamesTheCallAndTheReason() throws Exception {
        try (NativeUdpSocket socket = NativeUdpSocket.bind(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            final NativeIoException error = assertThrows(NativeIoException.class,
                    () -> socket.setOption(LinuxAbi.SOL_SOCKET, 9999, 1));
            assertTrue(error.getMessage().startsWith("setsockopt(level 1, option 9999"), error.getMessage());
            assertEquals(92, error.errno(), "ENOPROTOOPT");
        }
    }

    @Test
    void bufferSizesAreGranted() throws Exception {
        try (NativeUdpSocket socket = NativeUdpSocket.bind(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            socket.bufferSizes(1 << 20, 1 << 20);
            assertTrue(socket.receiveBufferSize() >= 200_000, "granted " + socket.receiveBufferSize());
        }
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        final NativeUdpSocket socket = NativeUdpSocket.bind(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        socket.close();
        socket.close();
        assertTrue(socket.fd() >= 0);
    }
}
