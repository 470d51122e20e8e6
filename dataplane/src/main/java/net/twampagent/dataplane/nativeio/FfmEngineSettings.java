package net.twampagent.dataplane.nativeio;

import java.util.List;

/**
 * How the FFM reflector engine runs.
 *
 * @param threads reflector threads; sessions are spread over them in turn (at least 1)
 * @param batch datagrams per recvmmsg/sendmmsg call (1..1024)
 * @param spinNanos after a packet, how long a thread keeps polling before it sleeps in epoll_wait again: 0 sleeps
 *     at once (no CPU burnt while idle, but every packet pays the wake-up of a sleeping thread, some 10 us on a
 *     VM); a few hundred microseconds keeps a busy thread hot, so residence time stays near the cost of the work
 *     when the thread has its CPU to itself (where other busy processes share the CPU, a polling thread loses it
 *     for whole scheduler slices and does worse than a sleeping one: use 0 there)
 * @param warmupRounds rounds of private traffic each thread reflects before serving, so the JIT has compiled every
 *     branch of the packet path before the first real packet (0 skips it, e.g. in tests that do not time anything)
 * @param cpus the CPUs to pin thread {@code i} to ({@code cpus[i % size]}); empty leaves placement to the kernel
 */
public record FfmEngineSettings(int threads, int batch, long spinNanos, int warmupRounds, List<Integer> cpus) {
    /** Polling 200 us after the last packet keeps a thread hot at 5 k pkt/s and more, and idle below. */
    public static final long DEFAULT_SPIN_NANOS = 200_000;
    /** Enough rounds for C2 to compile the receive, reflect and send paths (measured: the first real packet fast). */
    public static final int DEFAULT_WARMUP_ROUNDS = 4_000;

    public FfmEngineSettings {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("reflector threads " + threads + " is outside 1..1024");
        }
        if (batch < 1 || batch > 1024) {
            throw new IllegalArgumentException("batch " + batch + " is outside 1..1024");
        }
        if (spinNanos < 0 || warmupRounds < 0) {
            throw new IllegalArgumentException("spin time and warm-up rounds must not be negative");
        }
        cpus = List.copyOf(cpus);
    }

    /** One thread per available core, batches of 32, the default spin and warm-up, no pinning. */
    public static FfmEngineSettings defaults() {
        return new FfmEngineSettings(Runtime.getRuntime().availableProcessors(), 32, DEFAULT_SPIN_NANOS,
                DEFAULT_WARMUP_ROUNDS, List.of());
    }

    /** These settings with {@code threads} threads. */
    public FfmEngineSettings withThreads(final int count) {
        return new FfmEngineSettings(count, batch, spinNanos, warmupRounds, cpus);
    }

    /** These settings with another spin time. */
    public FfmEngineSettings withSpinNanos(final long nanos) {
        return new FfmEngineSettings(threads, batch, nanos, warmupRounds, cpus);
    }

    /** These settings with another number of warm-up rounds. */
    public FfmEngineSettings withWarmupRounds(final int rounds) {
        return new FfmEngineSettings(threads, batch, spinNanos, rounds, cpus);
    }

    /** These settings with threads pinned to {@code cpuList} in turn. */
    public FfmEngineSettings withCpus(final List<Integer> cpuList) {
        return new FfmEngineSettings(threads, batch, spinNanos, warmupRounds, cpuList);
    }
}
