package net.twampagent.dataplane.cli;

/** A command line that cannot be run, with a message saying which argument and why. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(final String message) {
        super(message);
    }
}
