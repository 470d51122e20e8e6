package net.twampagent.dataplane;

/**
 * A configuration the dataplane cannot put in force, with the knob at fault and a message that says exactly why.
 * Thrown by {@link TwampServer#check} and {@link TwampServer#apply} before anything changes.
 */
public final class ConfigurationRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String knob;

    public ConfigurationRejectedException(final String knob, final String message) {
        super(message);
        this.knob = knob;
    }

    public ConfigurationRejectedException(final String knob, final String message, final Throwable cause) {
        super(message, cause);
        this.knob = knob;
    }

    /** The configuration knob at fault, named as Junos names it (e.g. {@code port}, {@code authentication-mode}). */
    public String knob() {
        return knob;
    }
}
