package net.twampagent.netconf.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.twampagent.netconf.server.NetconfClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A flood of short TWAMP connections does not become a flood of notifications. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NotificationLimitTest {
    private static final int CONNECTIONS = 40;
    private static final int RATE = 2;
    private static final int BURST = 3;

    @TempDir
    Path stateDir;

    @Test
    void aFloodOfShortConnectionsIsCutToTheRateAndTheRestCounted() throws Exception {
        final int port = WiredAgent.freePort();
        try (var wired = WiredAgent.start(stateDir, port, TwampFunction.create(WiredAgent.MODEL, RATE, BURST));
                var subscriber = NetconfClient.tcp(wired.agent.tcpAddress().getPort(), false)) {
            assertTrue(subscriber.rpc("<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"/>")
                .contains("<ok/>"));
            final long start = System.nanoTime();
            for (int i = 0; i < CONNECTIONS; i++) {
                WiredAgent.connect(port).close();
            }
            final var function = wired.function;
            final long end = System.nanoTime() + WiredAgent.LIVE_CHANGE.toNanos();
            while (function.publishedNotifications() + function.suppressedNotifications() < CONNECTIONS
                    && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            final double seconds = (System.nanoTime() - start) / 1e9;
            final long published = function.publishedNotifications();
            assertEquals(CONNECTIONS, published + function.suppressedNotifications(),
                "every closed connection is either sent or counted as suppressed");
            assertTrue(published >= BURST, "the burst passes: " + published);
            assertTrue(published <= BURST + RATE * seconds + 1, published + " sent in " + seconds + " s");
            for (long i = 0; i < published; i++) {
                assertTrue(subscriber.receive().contains("<connection-closed"), "notification " + i);
            }
        }
    }
}
