package net.twampagent.netconf.persistence;

import java.nio.file.Path;

/** A state file exists but cannot be used. The agent stops rather than replace it with defaults. */
public final class CorruptStateException extends Exception {
    private static final long serialVersionUID = 1L;

    public CorruptStateException(final Path file, final String why) {
        super(file + " cannot be used: " + why + ". The agent will not start with an empty configuration in its"
            + " place: repair the file, or replace it with " + file.getFileName() + ".prev (the copy before the"
            + " last commit).");
    }
}
