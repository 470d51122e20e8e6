package net.twampagent.dataplane.state;

/** A subscription to a server's events; closing it stops the delivery. */
public interface Subscription extends AutoCloseable {
    /** Stops the delivery; idempotent, never throws. */
    @Override
    void close();
}
