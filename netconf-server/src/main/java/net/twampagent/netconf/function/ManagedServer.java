package net.twampagent.netconf.function;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import net.twampagent.dataplane.ConfigurationRejectedException;
import net.twampagent.dataplane.TwampServer;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.dataplane.state.ServerSnapshot;
import net.twampagent.netconf.operations.ControlConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TWAMP server as the agent runs it: none while {@code /twamp/server} is absent (so its port is closed, not
 * merely refusing), one {@link TwampServer} while it is present. A commit first {@link #reserve}s what the new
 * configuration needs (a server started when none runs, else a check of the running one), then {@link #enforce}s
 * it; {@link #release} drops a reservation that a later step of the commit made useless.
 *
 * <p>Every method is synchronized: commits, {@code <get>} and {@code clear-connection} come from different
 * sessions' threads, and none of them waits for anything that waits for this object (events are handed off).
 */
final class ManagedServer implements ControlConnections, AutoCloseable {
    /** What the agent reports of a server that should run but does not. */
    record Down(ServerConfig config, Instant since, String reason) {
    }

    /** Starts a server; the dataplane's own start, replaced in tests only to count or fail. */
    @FunctionalInterface
    interface Starter {
        TwampServer start(ServerConfig config) throws ConfigurationRejectedException, IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ManagedServer.class);

    private final Starter starter;
    private final Consumer<ServerEvent> events;
    private TwampServer running;
    private ServerConfig inForce = ServerConfig.disabled();
    private TwampServer reserved;
    private Down down;
    private boolean closed;

    ManagedServer(final Starter starter, final Consumer<ServerEvent> events) {
        this.starter = requireNonNull(starter);
        this.events = requireNonNull(events);
    }

    /**
     * Makes sure {@code config} can be enforced: starts the server it needs when none runs (the start binds the
     * port, so nothing can take it before the commit ends), or checks it against the running one. Changes nothing
     * that clients see when it throws.
     */
    synchronized void reserve(final ServerConfig config) throws ConfigurationRejectedException, IOException {
        release();
        if (!config.enabled() || closed) {
            return;
        }
        if (running != null) {
            running.check(config);
        } else {
            reserved = start(config);
        }
    }

    /** Puts {@code config} in force: stops, starts or changes the server live. */
    synchronized void enforce(final ServerConfig config) throws ConfigurationRejectedException, IOException {
        if (closed) {
            return;
        }
        if (!config.enabled()) {
            release();
            stop("its configuration was removed");
        } else if (running == null) {
            running = reserved != null ? reserved : start(config);
            reserved = null;
        } else {
            release();
            running.apply(config);
        }
        inForce = config;
        down = null;
    }

    /** Closes a server that {@link #reserve} started but that no longer goes in force. */
    synchronized void release() {
        if (reserved != null) {
            reserved.close();
            reserved = null;
        }
    }

    /** Records that {@code config} should run but cannot, as the start-up does when its port is taken. */
    synchronized void markDown(final ServerConfig config, final String reason) {
        release();
        stop("it cannot run with its configuration");
        inForce = config;
        down = new Down(config, Instant.now(), reason);
    }

    /** The running server's state, empty when none runs (see {@link #down()} and {@link #inForce()}). */
    synchronized Optional<ServerSnapshot> snapshot() {
        return running == null ? Optional.empty() : Optional.of(running.snapshot());
    }

    /** Why the configured server does not run, empty when it runs or is not configured. */
    synchronized Optional<Down> down() {
        return Optional.ofNullable(down);
    }

    /** The configuration last put in force (disabled at first). */
    synchronized ServerConfig inForce() {
        return inForce;
    }

    /** The running server, for tests that need its bound address. */
    synchronized Optional<TwampServer> server() {
        return Optional.ofNullable(running);
    }

    @Override
    public synchronized boolean clear(final long connectionId) {
        return running != null && running.clearConnection(connectionId);
    }

    @Override
    public synchronized int clearAll() {
        return running == null ? 0 : running.clearAll();
    }

    /** Stops the server for good: its clients are told {@code server-stopped}. */
    @Override
    public synchronized void close() {
        release();
        stop("the agent is stopping");
        closed = true;
    }

    private TwampServer start(final ServerConfig config) throws ConfigurationRejectedException, IOException {
        final var server = starter.start(config);
        server.subscribe(events);
        // The dataplane logs each listener it opens, here and on every later change.
        return server;
    }

    private void stop(final String why) {
        if (running != null) {
            LOG.info("Stopping the TWAMP server: {}", why);
            running.close();
            running = null;
        }
    }
}
