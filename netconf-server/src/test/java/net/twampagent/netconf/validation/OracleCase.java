package net.twampagent.netconf.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
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

    /** The model a document is judged against, as yanglint and as the agent see it. */
    record Model(List<Path> modules, List<String> features, EffectiveModelContext context, ModelValidator validator) {
    }

    /**
     * A dynamic test per {@code .xml} file of a folder (none if the folder does not exist).
     *
     * @param intended whether the documents are meant to be valid; {@code null} lets each name say it with
     *                 {@code valid-} or {@code invalid-}. yanglint must agree, so no document tests something else
     *                 than it claims to
     */
    static Stream<DynamicTest> forFolder(final Path folder, final Boolean intended,
            final Function<Path, Model> modelOf) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Stream.of();
        }
        final List<Path> documents;
        try (var files = Files.list(folder)) {
            documents = files.filter(file -> file.toString().endsWith(".xml")).sorted().toList();
        }
        return documents.stream().map(document -> DynamicTest.dynamicTest(
            folder.getFileName() + "/" + document.getFileName(),
            () -> judge(document, intended, modelOf.apply(document))));
    }

    static void judge(final Path document, final Boolean intended, final Model model) throws Exception {
        Yanglint.requireInstalled();
        final var oracle = Yanglint.judge(model.modules(), model.features(), document);
        final var name = document.getFileName().toString();
        final Boolean meant = intended != null ? intended
            : name.startsWith("valid-") ? Boolean.TRUE : name.startsWith("invalid-") ? Boolean.FALSE : null;
        if (meant != null) {
            assertEquals(meant, oracle.valid(),
                "the document is meant to be " + (meant ? "valid" : "invalid") + ", yanglint disagrees: "
                    + oracle.message());
        }
        final var context = model.context();
        final var validator = model.validator();
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
