package net.twampagent.netconf.function;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import net.twampagent.dataplane.ConfigurationRejectedException;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.netconf.datastore.CommitFailure;
import net.twampagent.netconf.datastore.CommitParticipant;
import net.twampagent.netconf.mapping.ConfigMapper;
import net.twampagent.netconf.mapping.ConfigMappingException;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dataplane's part in a commit: prepare maps the proposed configuration and reserves what it needs (or fails
 * the commit with the node at fault), apply puts it in force, undo returns to the configuration before.
 *
 * <p>Until {@link #started()}, that is while the agent loads its saved configuration, a configuration the
 * dataplane cannot run (its port taken by another program) does not stop the agent: the server is reported down
 * with the reason, and NETCONF comes up so the operator can change it.
 */
final class DataplaneParticipant implements CommitParticipant {
    private static final Logger LOG = LoggerFactory.getLogger(DataplaneParticipant.class);

    private final ConfigMapper mapper;
    private final ManagedServer server;
    private volatile boolean starting = true;
    private ServerConfig prepared;

    DataplaneParticipant(final ConfigMapper mapper, final ManagedServer server) {
        this.mapper = requireNonNull(mapper);
        this.server = requireNonNull(server);
    }

    /** From now on a configuration the dataplane refuses fails its commit. */
    void started() {
        starting = false;
    }

    @Override
    public String name() {
        return "dataplane";
    }

    @Override
    public void prepare(final ContainerNode current, final ContainerNode proposed) throws CommitFailure {
        prepared = null;
        final var config = mapper.map(proposed);
        if (attempt(config, server::reserve)) {
            prepared = config;
        }
    }

    @Override
    public void apply(final ContainerNode proposed) throws CommitFailure {
        if (prepared == null) {
            return;
        }
        final var config = prepared;
        prepared = null;
        attempt(config, server::enforce);
    }

    @Override
    public void undo(final ContainerNode current) {
        prepared = null;
        server.release();
        final ServerConfig before;
        try {
            before = mapper.map(current);
        } catch (ConfigMappingException e) {
            LOG.error("The configuration in force before a failed commit no longer maps: {}", e.getMessage());
            return;
        }
        if (before.equals(server.inForce())) {
            return;
        }
        try {
            server.enforce(before);
        } catch (ConfigurationRejectedException | IOException e) {
            LOG.error("The TWAMP server cannot return to its configuration before a failed commit: {}",
                e.getMessage());
            server.markDown(before, e.getMessage());
        }
    }

    /** One step of the server towards a configuration. */
    @FunctionalInterface
    private interface Step {
        void take(ServerConfig config) throws ConfigurationRejectedException, IOException;
    }

    /**
     * Takes a step; when the dataplane refuses, fails the commit with the node at fault (or at start-up records
     * the server as down and returns false).
     */
    private boolean attempt(final ServerConfig config, final Step step) throws CommitFailure {
        try {
            step.take(config);
            return true;
        } catch (ConfigurationRejectedException e) {
            refuse(config, RejectionPaths.failure(e));
        } catch (IOException e) {
            refuse(config, new CommitFailure("resource-denied", RejectionPaths.SERVER,
                "the TWAMP server cannot start: " + e.getMessage()));
        }
        return false;
    }

    /** Fails the commit, or at start-up records the server as down and lets the agent come up. */
    private void refuse(final ServerConfig config, final CommitFailure failure) throws CommitFailure {
        if (!starting) {
            throw failure;
        }
        LOG.error("The TWAMP server cannot start with the saved configuration: {}. NETCONF starts anyway; "
            + "commit a configuration that works (e.g. another port)", failure.getMessage());
        server.markDown(config, failure.getMessage());
    }
}
