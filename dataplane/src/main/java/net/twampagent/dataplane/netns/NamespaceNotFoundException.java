package net.twampagent.dataplane.netns;

import java.io.IOException;
import java.nio.file.Path;

/** A routing instance names a network namespace that does not exist. */
public final class NamespaceNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String instance;

    NamespaceNotFoundException(String instance, Path namespaceFile) {
        super("routing instance " + instance + ": network namespace " + namespaceFile + " does not exist");
        this.instance = instance;
    }

    /** The name of the routing instance, for the error-path of a refused commit. */
    public String instance() {
        return instance;
    }
}
