package net.twampagent.dataplane.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.twampagent.dataplane.ConfigurationRejectedException;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.crypto.SessionKeys;
import net.twampagent.dataplane.crypto.TestPacketProtection;
import net.twampagent.dataplane.nativeio.CpuAffinity;
import net.twampagent.dataplane.nativeio.FfmEngineSettings;
import net.twampagent.dataplane.nativeio.FfmReflectorEngine;
import net.twampagent.dataplane.reflector.ReflectorEngine;
import net.twampagent.dataplane.reflector.ReflectorSession;
import net.twampagent.dataplane.reflector.SessionSpec;

/**
 * The reflector against the plain native echo, in one run on loopback with one load generator: closed-loop rate
 * in alternating rounds (this VM's speed swings, so only same-run ratios mean anything), round-trip and residence
 * time at 10 k pkt/s, and 2048 sessions at 10 pkt/s each. The generator runs on CPU 0, the echo and the
 * reflector thread on CPU 1. Prints Markdown tables. System properties: {@code bench.rounds} (6),
 * {@code bench.roundMillis} (1000), {@code bench.latencyMillis} (3000), {@code bench.scaleMillis} (10000),
 * {@code bench.scaleSessions} (2048).
 */
public final class ReflectorBenchmark {
    private static final int PAYLOAD = 64;
    private static final int WINDOW = 256;
    private static final double FIXED_RATE = 10_000;
    private static final double SCALE_RATE_PER_SESSION = 10;

    private ReflectorBenchmark() {
    }

    /**
     * A target set for the generator and the id of the thread that serves it; {@code sealed} holds one pre-sealed
     * packet per address in modes 2 and 4.
     */
    private record Target(String name, List<InetSocketAddress> addresses, boolean twamp, long servingThread,
            byte[][] sealed) {
        Target(final String name, final List<InetSocketAddress> addresses, final boolean twamp,
                final long servingThread) {
            this(name, addresses, twamp, servingThread, null);
        }
    }

    public static void main(final String[] args) throws Exception {
        final int rounds = Integer.getInteger("bench.rounds", 6);
        final long roundNanos = TimeUnit.MILLISECONDS.toNanos(Long.getLong("bench.roundMillis", 1000));
        final long latencyNanos = TimeUnit.MILLISECONDS.toNanos(Long.getLong("bench.latencyMillis", 3000));
        final long scaleNanos = TimeUnit.MILLISECONDS.toNanos(Long.getLong("bench.scaleMillis", 10_000));
        final int scaleSessions = Integer.getInteger("bench.scaleSessions", 2048);
        final int cpus = Runtime.getRuntime().availableProcessors();
        final int generatorCpu = cpus > 1 ? 0 : -1;
        final int reflectorCpu = cpus > 1 ? 1 : -1;
        if (generatorCpu >= 0) {
            CpuAffinity.pinCurrentThread(generatorCpu);
        }
        final InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
        final List<Integer> reflectorCpus = reflectorCpu >= 0 ? List.of(reflectorCpu) : List.of();
        final FfmEngineSettings hot = FfmEngineSettings.defaults().withThreads(1).withCpus(reflectorCpus);
        final FfmEngineSettings sleeping = hot.withSpinNanos(0);
        final long started = System.nanoTime();
        System.out.println(machine(cpus));

        try (PlainEcho echo = new PlainEcho(loopback, hot.spinNanos(), reflectorCpu);
                PlainEcho echoSleeping = new PlainEcho(loopback, 0, reflectorCpu);
                FfmReflectorEngine engine = new FfmReflectorEngine(hot);
                FfmReflectorEngine engineSleeping = new FfmReflectorEngine(sleeping);
                LoadGenerator generator = new LoadGenerator(loopback, PAYLOAD)) {
            final List<ReflectorSession> one = open(engine, generator, 1);
            final List<ReflectorSession> oneSleeping = open(engineSleeping, generator, 1);
            final List<ReflectorSession> many = open(engineSleeping, generator, 64);
            final long reflectorThread = engine.threadIds().get(0);
            final long sleepingThread = engineSleeping.threadIds().get(0);
            final Target echoTarget = new Target("plain echo", List.of(echo.address()), false, echo.threadId());
            final Target oneTarget = new Target("reflector, 1 session", addresses(one), true, reflectorThread);
            final Target echoSleepingTarget = new Target("plain echo", List.of(echoSleeping.address()), false,
                    echoSleeping.threadId());
            final Target oneSleepingTarget = new Target("reflector, 1 session", addresses(oneSleeping), true,
                    sleepingThread);
            final Target manyTarget = new Target("reflector, 64 sessions", addresses(many), true, sleepingThread);
            final Target authenticated = protectedTarget(engineSleeping, generator, AuthMode.AUTHENTICATED);
            final Target encrypted = protectedTarget(engineSleeping, generator, AuthMode.ENCRYPTED);
            // The rate rounds use the variants that sleep at once: a thread that spins while idle would bill its
            // spinning to the CPU per packet. At full load they hardly ever sleep anyway.
            final List<Target> throughput = List.of(echoSleepingTarget, oneSleepingTarget, manyTarget, authenticated,
                    encrypted);

            for (Target target : List.of(echoTarget, oneTarget, echoSleepingTarget, oneSleepingTarget, manyTarget,
                    authenticated, encrypted)) {
                aim(generator, target).closedLoop(WINDOW, TimeUnit.SECONDS.toNanos(1));
            }
            final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            final double[][] rates = new double[throughput.size()][rounds];
            final long[][] counts = new long[throughput.size()][3];
            for (int round = 0; round < rounds; round++) {
                for (int t = 0; t < throughput.size(); t++) {
                    final long cpuBefore = threads.getThreadCpuTime(throughput.get(t).servingThread());
                    final LoadGenerator.Run run = aim(generator, throughput.get(t)).closedLoop(WINDOW, roundNanos);
                    counts[t][2] += threads.getThreadCpuTime(throughput.get(t).servingThread()) - cpuBefore;
                    rates[t][round] = run.rate();
                    counts[t][0] += run.sent();
                    counts[t][1] += run.received();
                }
            }
            printThroughput(throughput, rates, counts, rounds);

            System.out.println();
            System.out.println("| at 10 k pkt/s, " + latencyNanos / 1_000_000 + " ms each | round trip min / p50 / p99 / "
                    + "p99.9 (us) | residence T3-T2 min / p50 / p99 / p99.9 (us) | loss |");
            System.out.println("|---|---|---|---|");
            latency(generator, echoTarget, "plain echo, polls 200 us after a packet", latencyNanos);
            latency(generator, oneTarget, "reflector, polls 200 us after a packet (default)", latencyNanos);
            latency(generator, echoSleepingTarget, "plain echo, sleeps in epoll_wait at once", latencyNanos);
            latency(generator, oneSleepingTarget, "reflector, sleeps in epoll_wait at once (spin 0)", latencyNanos);

            closeAll(many);
            closeAll(oneSleeping);
            scale(engine, generator, scaleSessions, scaleNanos);
            closeAll(one);
        }
        controlScale(hot, scaleSessions, scaleNanos);
        System.out.printf("%nwhole run: %.0f s; load average after: %s%n", (System.nanoTime() - started) / 1e9,
                loadAverage());
    }

    private static LoadGenerator aim(final LoadGenerator generator, final Target target) {
        if (target.sealed() != null) {
            generator.aimSealed(target.addresses(), target.sealed());
        } else {
            generator.aim(target.addresses(), target.twamp());
        }
        return generator;
    }

    /**
     * One session in authenticated or encrypted mode, with random session keys and SID, and the sender packet the
     * generator repeats: sealed once, so the reflector checks its HMAC (and deciphers it) and seals every reply.
     */
    private static Target protectedTarget(final FfmReflectorEngine engine, final LoadGenerator generator,
            final AuthMode mode) throws IOException {
        final SecureRandom random = new SecureRandom();
        final SessionKeys keys = SessionKeys.generate(random);
        final byte[] sid = new byte[16];
        random.nextBytes(sid);
        final ReflectorSession session = engine.open(new SessionSpec(
                new InetSocketAddress(generator.address().getAddress(), 0), generator.address(), 0,
                TestPacketProtection.forSession(mode, keys, sid)));
        session.start();
        final byte[] packet = new byte[PAYLOAD];
        TestPacketProtection.forSession(mode, keys, sid).sealSender(ByteBuffer.wrap(packet));
        return new Target("reflector, 1 session, " + mode.name().toLowerCase() + " (mode " + mode.bit() + ")",
                List.of(session.localAddress()), true, engine.threadIds().get(0), new byte[][] {packet});
    }

    private static List<ReflectorSession> open(final ReflectorEngine engine, final LoadGenerator generator,
            final int count) throws IOException {
        final List<ReflectorSession> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final ReflectorSession session = engine.open(new SessionSpec(
                    new InetSocketAddress(generator.address().getAddress(), 0), generator.address(), 0));
            session.start();
            sessions.add(session);
        }
        return sessions;
    }

    private static List<InetSocketAddress> addresses(final List<ReflectorSession> sessions) {
        return sessions.stream().map(ReflectorSession::localAddress).toList();
    }

    private static void closeAll(final List<ReflectorSession> sessions) {
        sessions.forEach(ReflectorSession::close);
    }

    private static void printThroughput(final List<Target> targets, final double[][] rates, final long[][] counts,
            final int rounds) {
        System.out.println();
        System.out.println("| closed loop, " + WINDOW + " in flight, " + PAYLOAD + "-octet payload, " + rounds
                + " alternating rounds | median rate (pkt/s) | ratio to the echo, median (min-max) | loss "
                + "| CPU of the serving thread per packet | echo's CPU per packet / this one's |");
        System.out.println("|---|---|---|---|---|---|");
        final double echoCpu = (double) counts[0][2] / Math.max(1, counts[0][1]);
        for (int t = 0; t < targets.size(); t++) {
            final double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = rates[t][r] / rates[0][r];
            }
            final double loss = 100.0 * (counts[t][0] - counts[t][1]) / Math.max(1, counts[t][0]);
            final double cpu = (double) counts[t][2] / Math.max(1, counts[t][1]);
            System.out.printf("| %s | %,.0f | %.2f (%.2f-%.2f) | %.3f %% | %.0f ns | %.2f |%n", targets.get(t).name(),
                    median(rates[t]), median(ratios), Arrays.stream(ratios).min().orElse(0),
                    Arrays.stream(ratios).max().orElse(0), loss, cpu, echoCpu / cpu);
        }
    }

    private static void latency(final LoadGenerator generator, final Target target, final String label,
            final long nanos) throws IOException {
        aim(generator, target).fixedRate(FIXED_RATE, TimeUnit.MILLISECONDS.toNanos(500), new Samples(1), new Samples(1));
        final int capacity = (int) (FIXED_RATE * nanos / 1e9) + 1_000;
        final Samples rtt = new Samples(capacity);
        final Samples residence = new Samples(capacity);
        final LoadGenerator.Run run = generator.fixedRate(FIXED_RATE, nanos, rtt, residence);
        System.out.printf("| %s | %s | %s | %.3f %% |%n", label, rtt.summary(),
                target.twamp() ? residence.summary() : "-", run.lossPercent());
    }

    private static void scale(final ReflectorEngine engine, final LoadGenerator generator, final int sessions,
            final long nanos) throws IOException {
        final long openStart = System.nanoTime();
        final List<ReflectorSession> all = open(engine, generator, sessions);
        final double openSeconds = (System.nanoTime() - openStart) / 1e9;
        final double rate = sessions * SCALE_RATE_PER_SESSION;
        final int capacity = (int) (rate * nanos / 1e9) + 10_000;
        final Samples rtt = new Samples(capacity);
        final Samples residence = new Samples(capacity);
        generator.aim(addresses(all), true);
        final LoadGenerator.Run run = generator.fixedRate(rate, nanos, rtt, residence);
        System.gc();
        final long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println();
        System.out.println("| " + sessions + " sessions x 10 pkt/s, " + nanos / 1_000_000_000 + " s | sent | loss | "
                + "residence p50 / p99 / p99.9 (us) | round trip p99 (us) | heap used after GC | RSS | opened in |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        System.out.printf("| reflector, 1 thread | %,d | %.3f %% | %.1f / %.1f / %.1f | %.1f | %d MiB | %s | %.1f s |%n",
                run.sent(), run.lossPercent(), residence.percentileMicros(50), residence.percentileMicros(99),
                residence.percentileMicros(99.9), rtt.percentileMicros(99), heap >> 20, ControlScale.rss(), openSeconds);
        closeAll(all);
    }

    private static void controlScale(final FfmEngineSettings settings, final int sessions, final long nanos) {
        try {
            System.out.println(ControlScale.run(1000, sessions, nanos, settings));
        } catch (IOException | ConfigurationRejectedException | RuntimeException e) {
            System.out.println("| server + FFM engine, 1000 connections | failed: " + e + " |");
        }
    }

    private static double median(final double[] values) {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String machine(final int cpus) throws IOException {
        final String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        return String.format("machine: %d cores (%s), Linux %s, JDK %s (%s), load average before: %s",
                cpus, cpu,
                Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), loadAverage());
    }

    private static String loadAverage() throws IOException {
        final String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

}
