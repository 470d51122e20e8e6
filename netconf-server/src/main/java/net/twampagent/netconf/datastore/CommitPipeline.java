package net.twampagent.netconf.datastore;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.twampagent.netconf.rpc.ErrorPath;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a configuration change through every participant: validate, prepare, apply, then persist. A failure at any
 * step undoes the participants that had prepared or applied, so the system stays on the current configuration.
 */
public final class CommitPipeline {
    /** Writes a configuration that has been applied; an IOException fails the commit. */
    @FunctionalInterface
    public interface Persister {
        void persist(ContainerNode config) throws java.io.IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CommitPipeline.class);

    private final List<CommitParticipant> participants = new CopyOnWriteArrayList<>();
    private final EffectiveModelContext context;
    private final Persister persister;

    public CommitPipeline(final EffectiveModelContext context, final Persister persister) {
        this.context = requireNonNull(context);
        this.persister = requireNonNull(persister);
    }

    /** Adds a participant; it takes part in every later commit, after those added before it. */
    public void add(final CommitParticipant participant) {
        participants.add(requireNonNull(participant));
    }

    /**
     * Moves from {@code current} to {@code proposed}.
     *
     * @param persist whether to write {@code proposed} to disk (a confirmed commit is written once confirmed)
     */
    void run(final ContainerNode current, final ContainerNode proposed, final boolean persist)
            throws RpcException {
        final var snapshot = List.copyOf(participants);
        for (var participant : snapshot) {
            try {
                participant.validate(proposed);
            } catch (CommitFailure e) {
                throw toException(participant, e);
            }
        }
        final var touched = new ArrayList<CommitParticipant>();
        try {
            for (var participant : snapshot) {
                touched.add(participant);
                participant.prepare(current, proposed);
            }
            for (var participant : snapshot) {
                participant.apply(proposed);
            }
        } catch (CommitFailure e) {
            undo(touched, current);
            throw toException(touched.getLast(), e);
        }
        if (persist) {
            try {
                persister.persist(proposed);
            } catch (java.io.IOException e) {
                LOG.error("Cannot save the configuration, the commit is undone", e);
                undo(touched, current);
                throw RpcError.application("operation-failed",
                    "the configuration could not be saved to disk (" + e.getMessage() + "); nothing changed")
                    .toException();
            }
        }
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private static void undo(final List<CommitParticipant> touched, final ContainerNode current) {
        for (var participant : touched.reversed()) {
            try {
                participant.undo(current);
            } catch (RuntimeException e) {
                LOG.error("Participant {} failed to undo a failed commit", participant.name(), e);
            }
        }
    }

    private RpcException toException(final CommitParticipant participant, final CommitFailure failure) {
        var error = RpcError.application(failure.errorTag(), failure.getMessage());
        if (failure.path() != null) {
            error = error.at(ErrorPath.of(context, failure.path()));
        }
        if (failure.errorAppTag() != null) {
            error = error.withAppTag(failure.errorAppTag());
        }
        LOG.info("Commit refused by {}: {}", participant.name(), failure.getMessage());
        return error.toException();
    }
}
