package net.twampagent.yang;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The documentation files the tests hold the model to; the build passes the docs folder in twamp.docs. */
final class Docs {
    private Docs() {
    }

    static Path folder() {
        final String docs = System.getProperty("twamp.docs");
        if (docs == null) {
            throw new IllegalStateException("system property twamp.docs is not set: run the tests through Maven");
        }
        return Path.of(docs);
    }

    /** The *.xml files directly in {@code sub} of the docs folder, sorted by name. */
    static List<Path> xmlFiles(final String sub) {
        try (Stream<Path> files = Files.list(folder().resolve(sub))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a document configures the TWAMP-Light reflector, so needs the feature light to be valid. */
    static boolean needsLight(final Path document) {
        return document.getFileName().toString().contains("light");
    }
}
