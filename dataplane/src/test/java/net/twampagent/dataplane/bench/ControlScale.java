package net.twampagent.dataplane.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.twampagent.dataplane.ConfigurationRejectedException;
import net.twampagent.dataplane.TwampServer;
import net.twampagent.dataplane.client.AcceptedSession;
import net.twampagent.dataplane.client.SessionRequest;
import net.twampagent.dataplane.client.TwampClient;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.nativeio.FfmEngineSettings;
import net.twampagent.dataplane.nativeio.FfmReflectorEngine;
import net.twampagent.dataplane.nativeio.NativeUdpSocket;
import net.twampagent.dataplane.state.ServerSnapshot;

/**
 * Junos's largest configuration through the real TWAMP-Control server on the FFM engine: 1000 control
 * connections (500 from 127.0.0.1 and 500 from ::1, since one client address may hold at most 500) and 2048
 * sessions on the IPv4 ones, each sent 10 pkt/s by one load generator. Every session asks for the generator's
 * port as its Sender Port, so one socket can feed them all.
 */
final class ControlScale {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int PAYLOAD = 64;
    private static final double RATE_PER_SESSION = 10;

    private ControlScale() {
    }

    /** The result row of one run, printed by the caller. */
    static String run(final int connections, final int sessions, final long nanos, final FfmEngineSettings settings)
            throws IOException, ConfigurationRejectedException {
        final InetAddress v4 = InetAddress.getByName("127.0.0.1");
        final InetAddress v6 = InetAddress.getByName("::1");
        final ServerConfig config = ServerConfig.builder().port(0).maximumConnections(1000)
                .maximumConnectionsPerClient(500).maximumSessions(2048).maximumSessionsPerConnection(1024).build();
        final int senderPort;
        try (NativeUdpSocket probe = NativeUdpSocket.bind(new InetSocketAddress(v4, 0))) {
            senderPort = probe.localAddress().getPort();
        }
        final List<TwampClient> clients = new ArrayList<>();
        final List<InetSocketAddress> reflectors = new ArrayList<>();
        final long setupStart = System.nanoTime();
        try (TwampServer server = TwampServer.start(config, new FfmReflectorEngine(settings))) {
            final int port = server.localAddress().getPort();
            final int v4Connections = Math.min(500, (connections + 1) / 2);
            for (int c = 0; c < connections; c++) {
                final boolean ipv4 = c < v4Connections;
                final TwampClient client = TwampClient.connect(new InetSocketAddress(ipv4 ? v4 : v6, port), TIMEOUT);
                clients.add(client);
                if (ipv4) {
                    final int share = sessions / v4Connections + (c < sessions % v4Connections ? 1 : 0);
                    for (int s = 0; s < share; s++) {
                        final AcceptedSession accepted = client.requestSession(new SessionRequest(senderPort, 0,
                                PAYLOAD - 14, 0, Duration.ofSeconds(2)));
                        // the generator sends for every session from this one port: free it for the next request
                        accepted.socket().close();
                        reflectors.add(accepted.reflector());
                    }
                    client.startSessions();
                }
            }
            final double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
            final double rate = reflectors.size() * RATE_PER_SESSION;
            final int capacity = (int) (rate * nanos / 1e9) + 10_000;
            final Samples rtt = new Samples(capacity);
            final Samples residence = new Samples(capacity);
            final LoadGenerator.Run run;
            try (LoadGenerator generator = new LoadGenerator(new InetSocketAddress(v4, senderPort), PAYLOAD)) {
                generator.aim(reflectors, true);
                run = generator.fixedRate(rate, nanos, rtt, residence);
            }
            final ServerSnapshot snapshot = server.snapshot();
            System.gc();
            final long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            final String row = String.format("| server + FFM engine, %d connections, %d sessions | %,d | %.3f %% | "
                    + "%.1f / %.1f / %.1f | %.1f | %d MiB | %s | %.1f s |", snapshot.connections().size(),
                    snapshot.sessions().size(), run.sent(), run.lossPercent(), residence.percentileMicros(50),
                    residence.percentileMicros(99), residence.percentileMicros(99.9), rtt.percentileMicros(99),
                    heap >> 20, rss(), setupSeconds);
            for (TwampClient client : clients) {
                client.close();
            }
            return row;
        }
    }

    /** The resident set, and how much of it is the heap the JVM committed (pre-touched with the bench flags). */
    static String rss() throws IOException {
        final long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20;
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).findFirst()
                .map(line -> (Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10) + " MiB (heap committed "
                        + committed + " MiB)").orElse("?");
    }
}
