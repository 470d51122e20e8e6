package net.twampagent.it.twamp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import net.twampagent.dataplane.client.SessionRequest;
import net.twampagent.dataplane.client.SessionSender;
import net.twampagent.dataplane.client.SessionStatistics;
import net.twampagent.dataplane.client.TwampClient;
import net.twampagent.it.harness.AgentProcess;

/** What a TWAMP user sees of the agent's server, through our client library on loopback. */
public final class TwampProbe {
    /** Bound on every answer of the server. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** The promise for live changes is one second; on a loaded machine the tests allow this much. */
    public static final Duration LIVE_CHANGE_BOUND = Duration.ofSeconds(15);

    private static final Duration PACKET_INTERVAL = Duration.ofMillis(5);
    private static final Duration STRAGGLER_WAIT = Duration.ofSeconds(3);

    private TwampProbe() {
    }

    public static InetSocketAddress server(final int port) {
        return new InetSocketAddress(AgentProcess.HOST, port);
    }

    /** Opens a control connection (greeting, set-up, Server-Start); the caller closes it. */
    public static TwampClient connect(final int port) throws IOException {
        return TwampClient.connect(server(port), ANSWER_TIMEOUT);
    }

    /** Runs one session of {@code packets} packets on a control connection already open. */
    public static SessionStatistics measure(final TwampClient client, final int packets)
            throws IOException, InterruptedException {
        final var session = client.requestSession(SessionRequest.defaults());
        client.startSessions();
        final var statistics = SessionSender.run(session, packets, PACKET_INTERVAL, STRAGGLER_WAIT, null);
        client.stopSessions();
        return statistics;
    }

    /** A whole TWAMP test on {@code port}: every one of {@code packets} packets must come back. */
    public static SessionStatistics assertReflects(final int port, final int packets)
            throws IOException, InterruptedException {
        try (var client = connect(port)) {
            final var statistics = measure(client, packets);
            assertEquals(packets, statistics.received(), "replies from the reflector on port " + port + ": "
                + statistics);
            return statistics;
        }
    }

    /** Nothing accepts a TWAMP connection on {@code port}, or the server refuses it (Modes 0). */
    public static void assertRefused(final int port) {
        final var failure = refusal(port);
        if (failure == null) {
            throw new AssertionError("a TWAMP server accepted a connection on port " + port);
        }
    }

    /** Polls until a TWAMP connection on {@code port} completes its set-up, within {@link #LIVE_CHANGE_BOUND}. */
    public static Duration awaitAccepting(final int port) throws InterruptedException {
        final long start = System.nanoTime();
        IOException last = null;
        while (System.nanoTime() - start < LIVE_CHANGE_BOUND.toNanos()) {
            last = refusal(port);
            if (last == null) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no TWAMP server accepted on port " + port + " within "
            + LIVE_CHANGE_BOUND.toSeconds() + " s; last: " + last);
    }

    /** Polls until TWAMP connections on {@code port} are refused, within {@link #LIVE_CHANGE_BOUND}. */
    public static Duration awaitRefusing(final int port) throws InterruptedException {
        final long start = System.nanoTime();
        while (System.nanoTime() - start < LIVE_CHANGE_BOUND.toNanos()) {
            if (refusal(port) != null) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("port " + port + " still accepted TWAMP connections after "
            + LIVE_CHANGE_BOUND.toSeconds() + " s");
    }

    /** Whether the server closed the connection, within {@link #ANSWER_TIMEOUT}. */
    public static boolean closedByServer(final TwampClient client) {
        try {
            return client.awaitServerClose();
        } catch (SocketException e) {
            // A reset is the server closing too.
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Why a connection to {@code port} did not complete its set-up, or null when it did. */
    private static IOException refusal(final int port) {
        try (var client = connect(port)) {
            return null;
        } catch (IOException e) {
            // Connection refused (nothing listens), Modes 0 (refused by the server), or a reset or timeout.
            return e;
        }
    }
}
