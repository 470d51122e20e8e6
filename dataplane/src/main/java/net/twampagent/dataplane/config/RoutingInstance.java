package net.twampagent.dataplane.config;

import java.util.Objects;

/**
 * A routing instance the server listens in (Junos {@code routing-instance-list NAME port N}). On Linux the name
 * {@value #DEFAULT} is the agent's own network namespace; any other name is the namespace {@code /run/netns/NAME}.
 *
 * @param name the instance name, 1..31 characters
 * @param port the TWAMP-Control TCP port in that instance
 */
public record RoutingInstance(String name, int port) {
    /** The name of the agent's own routing instance. */
    public static final String DEFAULT = "default";

    public RoutingInstance {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > 31) {
            throw new IllegalArgumentException("routing instance name must be 1..31 characters");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
    }

    /** Whether this is the agent's own instance. */
    public boolean isDefault() {
        return DEFAULT.equals(name);
    }
}
