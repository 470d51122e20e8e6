package net.twampagent.netconf.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * One instance document judged twice, by yanglint and by the agent (yangtools' parser, then the validator):
 * both must accept it or both reject it, and a rejection must point at the node yanglint names.
 */
final class OracleCase {
    private OracleCase() {
    }

    /** A dynamic test per {@code .xml} file of a folder; {@code valid-} and {@code invalid-} name the intent. */
    static Stream<DynamicTest> forFolder(final Path folder, final List<Path> modules,
            final EffectiveModelContext context, final ModelValidator validator) throws IOException {
        final List<Path> documents;
        try (var files = Files.list(folder)) {
            documents = files.filter(file -> file.toString().endsWith(".xml")).sorted().toList();
        }
        return documents.stream().map(document -> DynamicTest.dynamicTest(document.getFileName().toString(),
            () -> judge(document, modules, context, validator)));
    }

    static void judge(final Path document, final List<Path> modules, final EffectiveModelContext context,
            final ModelValidator validator) throws Exception {
        Yanglint.requireInstalled();
        final var oracle = Yanglint.judge(modules, document);
        final var name = document.getFileName().toString();
        if (name.startsWith("valid-") || name.startsWith("invalid-")) {
            assertEquals(name.startsWith("valid-"), oracle.valid(),
                "the document's name says what it tests, yanglint disagrees: " + oracle.message());
        }
        List<ValidationFailure> failures;
        String parseError = null;
        try {
            failures = validator.validate(ConfigDocuments.read(context, document));
        } catch (IOException e) {
            failures = List.of();
            parseError = e.getMessage();
        }
        final boolean valid = parseError == null && failures.isEmpty();
        assertEquals(oracle.valid(), valid, "yanglint says " + (oracle.valid() ? "valid" : oracle.message())
            + "; the agent says " + (parseError != null ? parseError : failures));
        if (!oracle.valid() && parseError == null && !oracle.location().isEmpty()) {
            final var expected = normalize(oracle.location());
            assertTrue(failures.stream().anyMatch(failure -> sameNode(normalize(failure.errorPath()), expected)),
                "yanglint points at " + oracle.location() + ", the agent at " + failures);
        }
    }

    /**
     * Whether the agent names the node yanglint names. yanglint's schema locations also show choices and cases,
     * and it reports a missing choice on the choice where RFC 7950 section 15.6 wants its parent.
     */
    private static boolean sameNode(final String ours, final String theirs) {
        final var own = segments(ours);
        final var other = segments(theirs);
        if (own.equals(other) || own.equals(other.subList(0, Math.max(0, other.size() - 1)))) {
            return true;
        }
        if (own.isEmpty() || other.isEmpty() || !own.getLast().equals(other.getLast())) {
            return false;
        }
        int next = 0;
        for (var segment : other) {
            if (next < own.size() && own.get(next).equals(segment)) {
                next++;
            }
        }
        return next == own.size();
    }

    private static List<String> segments(final String path) {
        return path.isEmpty() ? List.of() : List.of(path.substring(1).split("/"));
    }

    /** Paths compared without prefixes and keys: yanglint writes module names only where the module changes. */
    static String normalize(final String path) {
        final var withoutKeys = path.replaceAll("\\[[^\\]]*\\]", "");
        final var withoutPrefixes = withoutKeys.replaceAll("[A-Za-z0-9_.-]+:", "");
        return withoutPrefixes.equals("/") ? "" : withoutPrefixes;
    }
}
