package net.twampagent.dataplane.nativeio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.twampagent.dataplane.reflector.ReflectorEngine;
import net.twampagent.dataplane.reflector.ReflectorEngineConformanceTest;

/** The FFM engine passes the same conformance suite as the NIO engine, with two threads and a short warm-up. */
final class FfmReflectorEngineConformanceTest extends ReflectorEngineConformanceTest {
    @Override
    protected ReflectorEngine newEngine() throws IOException {
        return new FfmReflectorEngine(FfmEngineSettings.defaults().withThreads(2).withWarmupRounds(100));
    }

    /** The FFM engine reads the real TTL: a loopback packet keeps the system's default TTL. */
    @Override
    protected int expectedSenderTtl() {
        try {
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_default_ttl")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return 64;
        }
    }
}
