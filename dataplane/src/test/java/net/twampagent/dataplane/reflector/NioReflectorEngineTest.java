package net.twampagent.dataplane.reflector;

import java.io.IOException;

/** The portable engine passes the conformance suite with two reflector threads. */
class NioReflectorEngineTest extends ReflectorEngineConformanceTest {
    @Override
    protected ReflectorEngine newEngine() throws IOException {
        return new NioReflectorEngine(2);
    }
}
