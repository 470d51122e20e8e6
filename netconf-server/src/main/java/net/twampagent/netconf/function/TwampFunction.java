package net.twampagent.netconf.function;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import net.twampagent.dataplane.TwampServer;
import net.twampagent.netconf.datastore.CommitParticipant;
import net.twampagent.netconf.datastore.OperationalStateProvider;
import net.twampagent.netconf.mapping.ConfigMapper;
import net.twampagent.netconf.model.AgentModel;
import net.twampagent.netconf.operations.ControlConnections;
import net.twampagent.netconf.server.NetconfAgent;

/**
 * The TWAMP server as a managed function, ready to be handed to the agent: its commit participant, its state,
 * its connections for {@code clear-connection}, and its events as notifications once {@link #attach}ed.
 *
 * <pre>{@code
 * var function = TwampFunction.create(model);
 * var agent = NetconfAgent.start(model, settings, users, List.of(function.participant()), function.state(),
 *     function.connections());   // loads running: the server starts before NETCONF listens
 * function.attach(agent);
 * }</pre>
 */
public final class TwampFunction implements AutoCloseable {
    private final EventNotifier notifier;
    private final ManagedServer server;
    private final DataplaneParticipant participant;
    private final DataplaneState state;

    private TwampFunction(final AgentModel model, final ManagedServer.Starter starter, final int rate,
            final int burst) {
        notifier = new EventNotifier(model.context(), rate, burst);
        server = new ManagedServer(starter, notifier);
        participant = new DataplaneParticipant(new ConfigMapper(model.context()), server);
        state = new DataplaneState(server);
    }

    /** A function whose servers are the dataplane's, with the reflector engine it picks. */
    public static TwampFunction create(final AgentModel model) {
        return new TwampFunction(model, TwampServer::start, EventNotifier.RATE, EventNotifier.BURST);
    }

    /** A function with its own limit on notifications a second, for tests of the limit. */
    static TwampFunction create(final AgentModel model, final int rate, final int burst) {
        return new TwampFunction(model, TwampServer::start, rate, burst);
    }

    /** Writes the factory default configuration into a state directory that never held one; see {@link FactoryDefault}. */
    public static boolean writeFactoryDefaultIfFresh(final Path stateDir) throws IOException {
        return FactoryDefault.writeIfFresh(stateDir);
    }

    public CommitParticipant participant() {
        return participant;
    }

    public OperationalStateProvider state() {
        return state;
    }

    public ControlConnections connections() {
        return server;
    }

    /**
     * Ends the start-up: from now on a configuration the dataplane refuses fails its commit, and the dataplane's
     * events reach the agent's subscribers.
     */
    public void attach(final NetconfAgent agent) {
        participant.started();
        notifier.publishTo(agent.notifications());
    }

    /** The TWAMP-Control address the server listens on, empty when it does not run. */
    public Optional<InetSocketAddress> twampAddress() {
        return server.server().map(TwampServer::localAddress);
    }

    /** Events not sent as notifications so far (rate limit or full queue). */
    public long suppressedNotifications() {
        return notifier.suppressed();
    }

    /** Events sent as notifications so far. */
    long publishedNotifications() {
        return notifier.published();
    }

    /** Stops the server (its clients are told server-stopped), then the notifications. */
    @Override
    public void close() {
        server.close();
        notifier.close();
    }
}
