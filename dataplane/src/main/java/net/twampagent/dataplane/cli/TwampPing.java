package net.twampagent.dataplane.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import net.twampagent.dataplane.client.AcceptedSession;
import net.twampagent.dataplane.client.ClientSecurity;
import net.twampagent.dataplane.client.PacketResult;
import net.twampagent.dataplane.client.SessionRequest;
import net.twampagent.dataplane.client.SessionSender;
import net.twampagent.dataplane.client.SessionStatistics;
import net.twampagent.dataplane.client.TwampClient;

/** {@code twamp-ping HOST[:PORT]}: measures against a TWAMP server and prints what it saw. */
public final class TwampPing {
    static final int OK = 0;
    static final int LOSS = 1;
    static final int USAGE = 2;
    static final int FAILED = 3;

    private TwampPing() {
    }

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    static int run(final String[] args, final PrintStream out, final PrintStream err) {
        final PingOptions options;
        try {
            options = PingOptions.parse(args);
        } catch (UsageException e) {
            err.println("twamp-ping: " + e.getMessage());
            err.println("try: twamp-ping --help");
            return USAGE;
        }
        if (options.help()) {
            out.print(PingOptions.USAGE);
            return OK;
        }
        final ClientSecurity security;
        try {
            security = security(options);
        } catch (UsageException e) {
            err.println("twamp-ping: " + e.getMessage());
            return USAGE;
        }
        try {
            return measure(options, security, out);
        } catch (UnknownHostException e) {
            err.println("twamp-ping: unknown host " + options.host());
            return FAILED;
        } catch (IOException e) {
            err.println("twamp-ping: " + options.host() + " port " + options.port() + ": " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("twamp-ping: interrupted");
            return FAILED;
        }
    }

    private static ClientSecurity security(final PingOptions o) throws UsageException {
        if (!o.mode().needsKey()) {
            return ClientSecurity.none();
        }
        final SecretFile secret = SecretFile.read(o.secretFile(), o.keyId());
        try {
            return ClientSecurity.of(o.mode(), secret.keyId(), secret.secret());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--key-id: " + e.getMessage());
        }
    }

    private static int measure(final PingOptions o, final ClientSecurity security, final PrintStream out)
            throws IOException, InterruptedException {
        final InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(o.host()), o.port());
        final Duration sessionTimeout = o.lateWait().plusSeconds(1);
        try (TwampClient client = TwampClient.connect(server, o.timeout(), security)) {
            final List<AcceptedSession> sessions = new ArrayList<>();
            for (int i = 0; i < o.sessions(); i++) {
                sessions.add(client.requestSession(new SessionRequest(0, o.receiverPort(), o.padding(), o.dscp(),
                    sessionTimeout)));
            }
            client.startSessions();
            final List<PingReport.SessionResult> results = send(o, sessions, out);
            client.stopSessions();
            final String target = o.host() + ":" + o.port();
            long lost = 0;
            if (o.json()) {
                PingReport.json(out, o.host(), o.port(), results);
            } else {
                results.forEach(r -> PingReport.summary(out, target, r));
            }
            for (PingReport.SessionResult r : results) {
                lost += r.stats().lost();
            }
            return lost == 0 ? OK : LOSS;
        }
    }

    private static List<PingReport.SessionResult> send(final PingOptions o, final List<AcceptedSession> sessions,
            final PrintStream out) throws IOException, InterruptedException {
        final ExecutorService pool = Executors.newFixedThreadPool(sessions.size(),
            Thread.ofPlatform().name("twamp-ping-", 1).daemon().factory());
        try {
            final List<Future<SessionStatistics>> futures = new ArrayList<>();
            for (int i = 0; i < sessions.size(); i++) {
                final AcceptedSession session = sessions.get(i);
                final int index = i + 1;
                final Consumer<PacketResult> lines = o.quiet() || o.json() ? null : r -> {
                    synchronized (out) {
                        out.println(PingReport.packetLine(index, r));
                    }
                };
                futures.add(pool.submit(() -> SessionSender.run(session, o.count(), o.interval(), o.lateWait(), lines)));
            }
            final List<PingReport.SessionResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                final AcceptedSession session = sessions.get(i);
                results.add(new PingReport.SessionResult(i + 1, session.sid(), session.reflector().getPort(),
                    futures.get(i).get()));
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("a session failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
