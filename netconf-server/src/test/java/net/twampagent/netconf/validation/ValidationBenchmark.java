package net.twampagent.netconf.validation;

import java.util.Locale;
import net.twampagent.yang.TwampServerModel;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.FeatureSet;

/**
 * Prints how long one validation of a twamp-server configuration takes, for configurations from the smallest to
 * one far larger than a real responder's. Run it from the module folder with the test class path:
 * {@code java -cp target/test-classes:target/classes:DEPENDENCIES net.twampagent.netconf.validation.ValidationBenchmark}.
 */
public final class ValidationBenchmark {
    private static final String NS = TwampServerModel.NAMESPACE;
    /** Each measurement stops at this many validations or this many nanoseconds, whichever comes first. */
    private static final int MAX_ROUNDS = 2_000;
    private static final long MAX_NANOS = 3_000_000_000L;

    private ValidationBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final var context = TestModels.twamp(FeatureSet.of());
        final var validator = ModelValidator.of(context);
        System.out.printf(Locale.ROOT, "%-58s %6s %10s %9s%n", "configuration", "nodes", "ms/valid.", "failures");
        measure(validator, context, "minimal (server only, all defaults)", server(""));
        measure(validator, context, "authenticated (docs/examples-like)", server(
            "<authentication-mode>authenticated</authentication-mode><authentication-mode>encrypted"
                + "</authentication-mode>" + chains(1, 1) + clients(1, 1)));
        measure(validator, context, "typical (2 chains x 4 keys, 4 lists x 8 prefixes, 4 RIs)",
            server("<authentication-mode>authenticated</authentication-mode>" + chains(2, 4) + clients(4, 8)
                + instances(4)));
        measure(validator, context, "large (4 x 16 keys, 10 x 64 prefixes, 100 RIs)",
            server("<authentication-mode>authenticated</authentication-mode>" + chains(4, 16) + clients(10, 64)
                + instances(100)));
    }

    private static void measure(final ModelValidator validator, final EffectiveModelContext context,
            final String name, final String document) throws Exception {
        final ContainerNode root = ConfigDocuments.parse(context, document, name);
        final int failures = validator.validate(root).size();
        final int nodes = document.split("</", -1).length - 1;
        // Warm-up: the JIT and the translation cache, bounded like the measurement.
        run(validator, root, MAX_ROUNDS / 4, MAX_NANOS / 3);
        final long[] result = run(validator, root, MAX_ROUNDS, MAX_NANOS);
        System.out.printf(Locale.ROOT, "%-58s %6d %10.3f %9d%n", name, nodes,
            result[1] / 1e6 / result[0], failures);
    }

    /** Validates until either bound; returns the rounds done and the nanoseconds they took. */
    private static long[] run(final ModelValidator validator, final ContainerNode root, final int maxRounds,
            final long maxNanos) {
        final long start = System.nanoTime();
        int rounds = 0;
        while (rounds < maxRounds && System.nanoTime() - start < maxNanos) {
            validator.validate(root);
            rounds++;
        }
        return new long[] {rounds, System.nanoTime() - start};
    }

    private static String server(final String content) {
        return "<twamp xmlns=\"" + NS + "\"><server>" + content + "</server></twamp>";
    }

    private static String chains(final int chains, final int keys) {
        final var out = new StringBuilder();
        for (int c = 0; c < chains; c++) {
            out.append("<authentication-key-chain><name>chain").append(c).append("</name>");
            for (int k = 0; k < keys; k++) {
                out.append("<key-id><id>key-").append(c).append('-').append(k)
                    .append("</id><secret>a-long-pass-phrase</secret></key-id>");
            }
            out.append("</authentication-key-chain>");
        }
        return out.toString();
    }

    private static String clients(final int lists, final int prefixes) {
        final var out = new StringBuilder();
        for (int l = 0; l < lists; l++) {
            out.append("<client-list><name>list").append(l).append("</name>");
            for (int p = 0; p < prefixes; p++) {
                out.append("<address><prefix>10.").append(l).append('.').append(p).append(".0/24</prefix></address>");
            }
            out.append("</client-list>");
        }
        return out.toString();
    }

    private static String instances(final int count) {
        final var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append("<routing-instance-list><name>ri").append(i).append("</name><port>")
                .append(2000 + i).append("</port></routing-instance-list>");
        }
        return out.toString();
    }
}
