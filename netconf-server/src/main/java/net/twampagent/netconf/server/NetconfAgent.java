package net.twampagent.netconf.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.twampagent.netconf.access.AccessControl;
import net.twampagent.netconf.access.Requester;
import net.twampagent.netconf.access.SecretNodes;
import net.twampagent.netconf.auth.UserStore;
import net.twampagent.netconf.datastore.CommitParticipant;
import net.twampagent.netconf.datastore.CommitPipeline;
import net.twampagent.netconf.datastore.ConfigStore;
import net.twampagent.netconf.datastore.DataCodec;
import net.twampagent.netconf.datastore.OperationalStateProvider;
import net.twampagent.netconf.datastore.StateComposer;
import net.twampagent.netconf.datastore.WithDefaults;
import net.twampagent.netconf.model.AgentModel;
import net.twampagent.netconf.notifications.ConfigChangeNotifier;
import net.twampagent.netconf.notifications.NotificationHub;
import net.twampagent.netconf.operations.AgentServices;
import net.twampagent.netconf.operations.ControlConnections;
import net.twampagent.netconf.operations.SessionRegistry;
import net.twampagent.netconf.persistence.CorruptStateException;
import net.twampagent.netconf.persistence.CommitHistory;
import net.twampagent.netconf.persistence.ConfigFile;
import net.twampagent.netconf.rpc.RpcException;
import org.opendaylight.netconf.api.CapabilityURN;
import org.opendaylight.netconf.api.TransportConstants;
import org.opendaylight.netconf.common.di.DefaultNetconfTimer;
import org.opendaylight.netconf.server.NetconfServerSessionNegotiatorFactory;
import org.opendaylight.netconf.server.ServerTransportInitializer;
import org.opendaylight.netconf.server.impl.DefaultSessionIdProvider;
import org.opendaylight.netconf.server.osgi.AggregatedNetconfOperationServiceFactory;
import org.opendaylight.netconf.shaded.sshd.server.auth.password.UserAuthPasswordFactory;
import org.opendaylight.netconf.shaded.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.opendaylight.netconf.shaded.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.opendaylight.netconf.transport.api.TransportStack;
import org.opendaylight.netconf.transport.api.UnsupportedConfigurationException;
import org.opendaylight.netconf.transport.ssh.SSHTransportStackFactory;
import org.opendaylight.netconf.transport.tcp.TCPServer;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.PortNumber;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.server.rev240814.netconf.server.listen.stack.grouping.transport.ssh.ssh.TcpServerParametersBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.tcp.server.rev241010.TcpServerGrouping;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.tcp.server.rev241010.tcp.server.grouping.LocalBindBuilder;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent: the datastores, the operations plugged into ODL's NETCONF session machinery, and the SSH
 * (and optionally TCP) listeners. {@link #close()} stops listening and ends every session.
 */
public final class NetconfAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetconfAgent.class);
    private static final long START_TIMEOUT_SECONDS = 60;

    private final ConfigStore store;
    private final CommitPipeline pipeline;
    private final SessionRegistry sessions;
    private final ScheduledExecutorService scheduler;
    private final DefaultNetconfTimer timer;
    private final SSHTransportStackFactory transports;
    private final List<TransportStack> listeners = new java.util.ArrayList<>();
    private final UserStore users;
    private final SessionGate gate;
    private final AgentSettings settings;
    private final NotificationHub notifications;
    private final BoundAddress tcpBound = new BoundAddress();
    private InetSocketAddress tcpAddress;

    private NetconfAgent(final AgentModel model, final AgentSettings settings, final UserStore users,
            final List<CommitParticipant> participants, final OperationalStateProvider state,
            final ControlConnections connections) throws IOException, CorruptStateException {
        Files.createDirectories(settings.stateDir());
        final var context = model.context();
        final var codec = new DataCodec(context);
        final var file = ConfigFile.running(settings.stateDir(), codec);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            final var t = new Thread(r, "netconf-confirmed-commit");
            t.setDaemon(true);
            return t;
        });
        pipeline = new CommitPipeline(context, file::save);
        participants.forEach(pipeline::add);
        store = new ConfigStore(codec, pipeline, null, scheduler, SecretNodes.of(context));
        final var saved = file.load(store::parseConfig);
        if (saved.isPresent()) {
            try {
                store.load(saved.orElseThrow());
            } catch (RpcException e) {
                throw new CorruptStateException(file.path(), e.getMessage());
            }
            LOG.info("Loaded the running configuration from {}", file.path());
        }
        sessions = new SessionRegistry();
        final var peers = new PeerLookup();
        final var library = YangLibraryState.of(model);
        final var capabilities = AgentCapabilities.of(model, library.contentId());
        final var monitoring = new MonitoringState(model, capabilities, store, sessions, peers::find);
        notifications = new NotificationHub();
        store.addListener(new ConfigChangeNotifier(context, notifications,
            id -> peers.find(id).map(Peer::username).orElse(null)));
        final var history = CommitHistory.open(settings.stateDir(), codec,
            id -> peers.find(id).map(Peer::username).orElse(null));
        store.addListener(history);
        final var services = new AgentServices(model, store, new WithDefaults(context),
            new StateComposer(context, List.of(monitoring, library, state)), sessions, notifications, history,
            requireNonNull(connections), new AccessControl(context, users.groups(), id -> peers.find(id)
                .map(peer -> peer.ssh() ? Requester.sshUser(peer.username()) : Requester.loopbackTcp())
                .orElse(Requester.UNKNOWN)));
        final var aggregated = new AggregatedNetconfOperationServiceFactory(
            List.of(new AgentOperationServiceFactory(services, capabilities)));
        final var hello = new AgentMonitoringService(model, capabilities);
        timer = new DefaultNetconfTimer();
        final var negotiators = NetconfServerSessionNegotiatorFactory.builder()
            .setTimer(timer)
            .setAggregatedOpService(aggregated)
            .setIdProvider(new DefaultSessionIdProvider())
            .setMonitoringService(hello)
            .setConnectionTimeoutMillis(settings.helloTimeout().toMillis())
            .setBaseCapabilities(Set.of(CapabilityURN.BASE, CapabilityURN.BASE_1_1, CapabilityURN.NOTIFICATION,
                CapabilityURN.INTERLEAVE))
            .build();
        final var gate = new SessionGate(new ServerTransportInitializer(negotiators), settings.maxSessions(),
            settings.idleTimeout());
        peers.gate = gate;
        transports = new SSHTransportStackFactory("twamp-netconf", 0);
        this.users = users;
        this.gate = gate;
        this.settings = settings;
    }

    /**
     * Starts an agent and its listeners.
     *
     * @throws CorruptStateException when the saved configuration cannot be used (it is left untouched)
     * @throws IOException           when the state directory or a listener cannot be set up
     */
    public static NetconfAgent start(final AgentModel model, final AgentSettings settings, final UserStore users,
            final List<CommitParticipant> participants, final OperationalStateProvider state)
            throws IOException, CorruptStateException {
        return start(model, settings, users, participants, state, ControlConnections.NONE);
    }

    /**
     * Starts an agent whose {@code clear-connection} closes the given connections (the dataplane's). The saved
     * configuration is applied by every participant before the listeners open.
     */
    public static NetconfAgent start(final AgentModel model, final AgentSettings settings, final UserStore users,
            final List<CommitParticipant> participants, final OperationalStateProvider state,
            final ControlConnections connections) throws IOException, CorruptStateException {
        final var agent = new NetconfAgent(requireNonNull(model), requireNonNull(settings), requireNonNull(users),
            participants, state, connections);
        try {
            agent.listen();
        } catch (IOException | RuntimeException e) {
            agent.close();
            throw e;
        }
        return agent;
    }

    private void listen() throws IOException {
        try {
            final var hostKey = new SimpleGeneratorHostKeyProvider(settings.stateDir().resolve("ssh_host_key"));
            hostKey.setAlgorithm("EC");
            listeners.add(await(transports.listenServer(TransportConstants.SSH_SUBSYSTEM, gate,
                bind(settings.sshAddress(), settings.sshPort()), null, manager -> {
                    manager.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE,
                        UserAuthPublicKeyFactory.INSTANCE));
                    manager.setPasswordAuthenticator((user, password, session) ->
                        authenticated(session.getClientAddress(), user, users.checkPassword(user, password)));
                    manager.setPublickeyAuthenticator((user, key, session) ->
                        authenticated(session.getClientAddress(), user, users.checkKey(user, key)));
                    manager.setKeyPairProvider(hostKey);
                }), "SSH"));
            LOG.info("NETCONF over SSH listening on {} port {}", settings.sshAddress(), settings.sshPort());
            if (settings.tcpPort() >= 0) {
                final var bootstrap = transports.newServerBootstrap().handler(tcpBound);
                listeners.add(await(TCPServer.listen(gate, bootstrap, bind("127.0.0.1", settings.tcpPort())),
                    "TCP"));
                tcpAddress = tcpBound.get();
                LOG.info("NETCONF over TCP (tests only, no authentication) listening on {}", tcpAddress);
            }
        } catch (UnsupportedConfigurationException e) {
            throw new IOException("the listener configuration is not usable: " + e.getMessage(), e);
        }
    }

    /** Finds peers through the gate, which exists only once the session layer is built. */
    private static final class PeerLookup {
        private volatile SessionGate gate;

        java.util.Optional<Peer> find(final long sessionId) {
            final var current = gate;
            return current == null ? java.util.Optional.empty() : current.peer(sessionId);
        }
    }

    private boolean authenticated(final java.net.SocketAddress client, final String user, final boolean ok) {
        if (ok) {
            gate.sshAuthenticated(client, user);
        }
        return ok;
    }

    private static TcpServerGrouping bind(final String address, final int port) {
        return new TcpServerParametersBuilder()
            .setLocalBind(BindingMap.of(new LocalBindBuilder()
                .setLocalAddress(IetfInetUtil.ipAddressFor(address))
                .setLocalPort(new PortNumber(Uint16.valueOf(port)))
                .build()))
            .build();
    }

    private static <T> T await(final com.google.common.util.concurrent.ListenableFuture<T> future,
            final String what) throws IOException {
        try {
            return future.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("cannot open the " + what + " listener: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the " + what + " listener", e);
        } catch (TimeoutException e) {
            throw new IOException("the " + what + " listener did not open in time", e);
        }
    }

    public ConfigStore store() {
        return store;
    }

    public CommitPipeline pipeline() {
        return pipeline;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    /** The NETCONF event stream, for whatever else publishes notifications (the dataplane's events). */
    public NotificationHub notifications() {
        return notifications;
    }

    /** The port of the SSH listener. */
    public int sshPort() {
        return settings.sshPort();
    }

    /** The address the TCP listener is bound to (null when it is off). */
    public InetSocketAddress tcpAddress() {
        return tcpAddress;
    }

    @Override
    public void close() {
        for (var listener : listeners) {
            try {
                listener.shutdown().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("A listener did not stop cleanly: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        transports.close();
        timer.close();
        scheduler.shutdownNow();
    }
}
