package net.twampagent.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The example configurations in docs/examples are valid for both yanglint and yangtools; each counter-example
 * in docs/examples/invalid is refused by yanglint for the reason its first line names, and every one that breaks
 * a type, range, length or element count (all but the must- files) is refused by yangtools too.
 */
class ExampleConfigurationsTest {
    /** The first line of every counter-example: what it breaks, and a text yanglint's complaint must contain. */
    private static final Pattern HEADER = Pattern.compile("<!-- Breaks (.+)\\. yanglint says: (.+) -->");

    /** The value or count a counter-example's file name ends with, a lower bound - 1 included: {@code x--1.xml}. */
    private static final Pattern NUMBER_AT_END = Pattern.compile(".*?-(-?\\d+)\\.xml");

    static Stream<Path> examples() {
        return Docs.xmlFiles("examples").stream();
    }

    /** Documents at every edge the counter-examples cross, in the test resources: they must be accepted. */
    static Stream<Path> acceptedEdges() throws Exception {
        final Path folder = Path.of(ExampleConfigurationsTest.class.getClassLoader().getResource("accepted").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    static Stream<Path> lightExamples() {
        return examples().filter(Docs::needsLight);
    }

    static Stream<Path> counterExamples() {
        return Docs.xmlFiles("examples/invalid").stream();
    }

    /** Counter-examples that break a must rule, which yangtools does not evaluate. */
    static Stream<Path> mustCounterExamples() {
        return counterExamples().filter(p -> p.getFileName().toString().startsWith("must-"));
    }

    /** Counter-examples that break a type, range, length or element count. */
    static Stream<Path> schemaCounterExamples() {
        return counterExamples().filter(p -> !p.getFileName().toString().startsWith("must-"));
    }

    private static EffectiveModelContext contextFor(final Path document) {
        return Docs.needsLight(document) ? ModelContexts.withLight() : ModelContexts.context();
    }

    @Test
    void theDocumentedExamplesAreAllThere() throws Exception {
        final List<String> names = examples().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("minimal.xml", "junos-full.xml", "authenticated.xml")), names::toString);
        assertTrue(schemaCounterExamples().count() >= 28, "expected a counter-example per range edge");
        assertTrue(mustCounterExamples().count() >= 9, "expected a counter-example per must rule");
        assertEquals(1, lightExamples().count(), "expected light.xml");
        assertEquals(5, acceptedEdges().count(), "expected the accepted edge documents");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleIsValidForYanglint(final Path example) {
        final Yanglint.Result result = Yanglint.validateConfig(example, Docs.needsLight(example));
        assertTrue(result.ok() && result.err().isEmpty(), () -> example + ": " + result);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleLoadsIntoAYangtoolsDataTree(final Path example) throws Exception {
        final NormalizedNode twamp = ConfigDocuments.load(example, contextFor(example));
        assertEquals("twamp", twamp.name().getNodeType().getLocalName());
    }

    @ParameterizedTest
    @MethodSource("acceptedEdges")
    void edgeIsAcceptedByYanglintAndYangtools(final Path edge) throws Exception {
        final Yanglint.Result result = Yanglint.validateConfig(edge, Docs.needsLight(edge));
        assertTrue(result.ok() && result.err().isEmpty(), () -> edge + ": " + result);
        ConfigDocuments.load(edge, contextFor(edge));
    }

    @ParameterizedTest
    @MethodSource("lightExamples")
    void lightExampleNeedsTheFeature(final Path example) {
        final Yanglint.Result result = Yanglint.validateConfig(example, false);
        assertFalse(result.ok(), () -> example + " is valid although the feature light is off");
        assertThrows(Exception.class, () -> ConfigDocuments.load(example, ModelContexts.context()));
    }

    @ParameterizedTest
    @MethodSource("counterExamples")
    void counterExampleIsRefusedByYanglintForItsReason(final Path counterExample) throws IOException {
        final Matcher header = header(counterExample);
        final Yanglint.Result result = Yanglint.validateConfig(counterExample, Docs.needsLight(counterExample));
        assertFalse(result.ok(), () -> counterExample + " was accepted: " + result);
        assertTrue(result.err().contains(header.group(2)),
            () -> counterExample + " was refused for another reason than " + header.group(1) + ": " + result);
    }

    @ParameterizedTest
    @MethodSource("schemaCounterExamples")
    void schemaCounterExampleIsRefusedByYangtools(final Path counterExample) {
        final Exception e = assertThrows(Exception.class,
            () -> ConfigDocuments.load(counterExample, contextFor(counterExample)),
            () -> counterExample + " was accepted by yangtools");
        final String expected = yangtoolsComplaint(counterExample.getFileName().toString());
        assertTrue(messages(e).contains(expected),
            () -> counterExample + " was refused for another reason than " + expected + ": " + messages(e));
    }

    @ParameterizedTest
    @MethodSource("mustCounterExamples")
    void mustCounterExampleBreaksNothingButItsRule(final Path counterExample) throws Exception {
        // yangtools checks everything but must: it accepts the document, so yanglint refused it for the rule.
        ConfigDocuments.load(counterExample, contextFor(counterExample));
    }

    /** What yangtools must say about a counter-example, told by the kind its file name starts with. */
    private static String yangtoolsComplaint(final String name) {
        if (name.startsWith("length-")) {
            return "does not match allowed lengths";
        }
        if (name.startsWith("pattern-")) {
            return "does not match regular expression";
        }
        final Matcher tail = NUMBER_AT_END.matcher(name);
        assertTrue(tail.matches(), () -> name + " does not end in -VALUE.xml");
        if (name.startsWith("range-")) {
            return tail.group(1);
        }
        assertTrue(name.startsWith("max-elements-"), () -> name + " is of no known kind");
        return "too many elements (" + tail.group(1) + ")";
    }

    private static String messages(final Throwable thrown) {
        final StringBuilder all = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    private static Matcher header(final Path document) throws IOException {
        final String first;
        try (Stream<String> lines = Files.lines(document)) {
            first = lines.findFirst().orElse("");
        }
        final Matcher matcher = HEADER.matcher(first);
        if (!matcher.matches()) {
            fail(document + ": the first line must be <!-- Breaks WHAT. yanglint says: TEXT -->, not " + first);
        }
        return matcher;
    }
}
