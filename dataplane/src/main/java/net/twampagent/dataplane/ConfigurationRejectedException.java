package net.twampagent.dataplane;

import java.util.Optional;

/**
 * A configuration the dataplane cannot put in force, with the knob at fault and a message that says exactly why.
 * Thrown by {@link TwampServer#check} and {@link TwampServer#apply} before anything changes.
 */
public final class ConfigurationRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String knob;
    private final String instance;

    public ConfigurationRejectedException(final String knob, final String message) {
        this(knob, null, message, null);
    }

    public ConfigurationRejectedException(final String knob, final String message, final Throwable cause) {
        this(knob, null, message, cause);
    }

    /**
     * A refusal caused by one entry of {@code routing-instance-list}: {@code instance} is its key, so the agent
     * can point the rpc-error at that entry.
     */
    public ConfigurationRejectedException(final String knob, final String instance, final String message,
            final Throwable cause) {
        super(message, cause);
        this.knob = knob;
        this.instance = instance;
    }

    /** The configuration knob at fault, named as Junos names it (e.g. {@code port}, {@code authentication-mode}). */
    public String knob() {
        return knob;
    }

    /** The routing instance whose entry is at fault, when the refusal is about one. */
    public Optional<String> instance() {
        return Optional.ofNullable(instance);
    }
}
