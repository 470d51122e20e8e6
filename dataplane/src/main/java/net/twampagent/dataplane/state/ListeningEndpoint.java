package net.twampagent.dataplane.state;

import java.net.InetSocketAddress;
import java.util.Objects;
import net.twampagent.dataplane.netns.NamespaceStatus;

/**
 * One TWAMP-Control listener: the routing instance it lives in and what became of that instance's namespace.
 *
 * @param instance the routing instance ({@code default}: the agent's own namespace)
 * @param address the bound address and port
 * @param namespace whether the instance's namespace still exists under its name; a listener whose namespace was
 *     deleted keeps accepting until the instance is removed from the configuration
 */
public record ListeningEndpoint(String instance, InetSocketAddress address, NamespaceStatus namespace) {
    public ListeningEndpoint {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(namespace, "namespace");
    }
}
