package net.twampagent.netconf.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import net.twampagent.netconf.datastore.OperationalStateProvider;
import net.twampagent.netconf.datastore.StateComposer;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * Prints how long one {@code <get>} worth of state takes, for the largest server the model allows: 1000
 * connections and 2048 sessions. Mapping alone; mapping plus printing as XML; and "get", which also merges the
 * state with running in the agent's {@link StateComposer} as {@code <get>} does (what a reply costs before the
 * transport). Run it from the module with the test class path, e.g.
 * {@code java -cp target/test-classes:target/classes:$(cat target/classpath.txt)
 * net.twampagent.netconf.mapping.StateMapperBench}.
 */
public final class StateMapperBench {
    private static final int WARM_UP = 30;
    private static final int RUNS = 50;

    private StateMapperBench() {
    }

    public static void main(final String[] args) {
        final var snapshot = Snapshots.busy(1000, 2048);
        final var mapper = new StateMapper();
        final var context = MappingFixtures.SERVED;
        final long cold = System.nanoTime();
        int size = XmlWriting.state(context, mapper.map(snapshot)).length();
        final long coldNanos = System.nanoTime() - cold;
        for (int i = 1; i < WARM_UP; i++) {
            size += XmlWriting.state(context, mapper.map(snapshot)).length();
        }
        final var running = MappingFixtures.root(context, MappingFixtures.server(""));
        final long[] mapping = new long[RUNS];
        final long[] withXml = new long[RUNS];
        final long[] composed = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            final var state = mapper.map(snapshot);
            mapping[i] = System.nanoTime() - start;
            start = System.nanoTime();
            size = XmlWriting.state(context, state).length();
            withXml[i] = mapping[i] + System.nanoTime() - start;
            start = System.nanoTime();
            final OperationalStateProvider provider = () -> Map.of(StateMapper.PATH, mapper.map(snapshot));
            final var reply = new StateComposer(context, List.of(provider)).compose(running);
            XmlWriting.twamp(context, (ContainerNode) reply.childByArg(TwampNames.id(TwampNames.TWAMP)));
            composed[i] = System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "state of 1000 connections and 2048 sessions, %d runs after %d warm-up, "
            + "%d characters of XML%n", RUNS, WARM_UP, size);
        System.out.printf(Locale.ROOT, "first call in a fresh JVM (map + XML): %.2f ms%n", coldNanos / 1e6);
        print("map", mapping);
        print("map + XML", withXml);
        print("get", composed);
    }

    private static void print(final String what, final long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-9s median %7.2f ms  p90 %7.2f ms  max %7.2f ms%n", what,
            nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 9 / 10] / 1e6, nanos[nanos.length - 1] / 1e6);
    }
}
