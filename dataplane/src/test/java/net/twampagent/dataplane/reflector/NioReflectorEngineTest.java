package net.twampagent.dataplane.reflector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import org.junit.jupiter.api.Test;

/** The portable engine passes the conformance suite on one reflector thread, and allocates nothing per packet. */
class NioReflectorEngineTest extends ReflectorEngineConformanceTest {
    @Override
    protected ReflectorEngine newEngine() throws IOException {
        return new NioReflectorEngine(1);
    }

    @Test
    void theReflectorThreadAllocatesNothingPerPacket() throws Exception {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long reflectorThread = Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("twamp-reflector-nio-0")).findFirst().orElseThrow().threadId();
        try (DatagramSocket sender = socket("127.0.0.1"); ReflectorSession session = open(sender, 0)) {
            session.start();
            final byte[] packet = senderPacket(1, 1, 27);
            final DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
            final DatagramPacket out = new DatagramPacket(packet, packet.length, session.localAddress());
            for (int i = 0; i < 3000; i++) {  // warm-up: the JIT compiles the packet path
                sender.send(out);
                sender.receive(reply);
            }
            final long before = threads.getThreadAllocatedBytes(reflectorThread);
            final int burst = 5000;
            for (int i = 0; i < burst; i++) {
                sender.send(out);
                sender.receive(reply);
            }
            final long allocated = threads.getThreadAllocatedBytes(reflectorThread) - before;
            // One InetSocketAddress per packet alone would be 5000 x 24 octets; allow a few stray objects.
            assertTrue(allocated < 16 * 1024, allocated + " octets allocated over " + burst + " packets");
        }
    }
}
