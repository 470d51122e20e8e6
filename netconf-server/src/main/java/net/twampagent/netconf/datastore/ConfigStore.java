package net.twampagent.netconf.datastore;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * The agent's configuration datastores: running, and one candidate shared by every session (RFC 6241 section 8.3),
 * with their locks and the pending confirmed commit. One monitor guards all of it, so operations of different
 * sessions see each other's effects in a single order.
 */
public final class ConfigStore {
    /** error-option of edit-config. */
    public enum ErrorOption { STOP_ON_ERROR, CONTINUE_ON_ERROR, ROLLBACK_ON_ERROR }

    /** test-option of edit-config. */
    public enum TestOption { TEST_THEN_SET, SET, TEST_ONLY }

    private static final Logger LOG = LoggerFactory.getLogger(ConfigStore.class);

    private final DataCodec codec;
    private final Predicate<YangInstanceIdentifier> secret;
    private final EditParser parser;
    private final EditApplier applier;
    private final ConfigValidator validator;
    private final CommitPipeline pipeline;
    private final ScheduledExecutorService timer;
    private final LockTable locks = new LockTable();
    private final List<ConfigChangeListener> listeners = new CopyOnWriteArrayList<>();

    private ContainerNode running;
    private DataTree candidate;
    private PendingConfirm pending;

    /**
     * @param secret whether a node's value must never be repeated in an error (the nodes marked
     *               {@code nacm:default-deny-all})
     */
    public ConfigStore(final DataCodec codec, final CommitPipeline pipeline, final ContainerNode initialRunning,
            final ScheduledExecutorService timer, final Predicate<YangInstanceIdentifier> secret) {
        this.codec = requireNonNull(codec);
        this.secret = requireNonNull(secret);
        this.pipeline = requireNonNull(pipeline);
        this.timer = requireNonNull(timer);
        parser = new EditParser(codec, secret);
        applier = new EditApplier(codec);
        validator = new ConfigValidator(codec.context(), secret);
        running = initialRunning == null ? DataTrees.emptyRoot() : initialRunning;
        candidate = DataTrees.lenient(codec.context(), running);
    }

    public DataCodec codec() {
        return codec;
    }

    public void addListener(final ConfigChangeListener listener) {
        listeners.add(requireNonNull(listener));
    }

    public synchronized ContainerNode read(final Datastore datastore) {
        return datastore == Datastore.RUNNING ? running : DataTrees.root(candidate);
    }

    /** Locks a datastore for a session (RFC 6241 section 7.5). */
    public synchronized void lock(final Datastore datastore, final long sessionId) throws RpcException {
        final var holder = locks.holder(datastore);
        if (holder.isPresent()) {
            throw RpcError.protocol("lock-denied", "the " + datastore.xmlName() + " datastore is locked by session "
                + holder.getAsLong()).withInfo("session-id", Long.toString(holder.getAsLong())).toException();
        }
        if (datastore == Datastore.CANDIDATE && candidateModified()) {
            throw RpcError.protocol("lock-denied", "the candidate holds changes that are not committed: commit or"
                + " discard-changes first").withInfo("session-id", "0").toException();
        }
        locks.lock(datastore, sessionId);
    }

    public synchronized void unlock(final Datastore datastore, final long sessionId) throws RpcException {
        final var holder = locks.holder(datastore);
        if (holder.isEmpty() || holder.getAsLong() != sessionId) {
            throw RpcError.protocol("operation-failed", "this session does not hold the lock of the "
                + datastore.xmlName() + " datastore").toException();
        }
        locks.unlock(datastore);
    }

    /**
     * Applies an edit-config.
     *
     * @return the errors of the parts skipped under continue-on-error (the rest was applied)
     */
    public synchronized List<RpcError> edit(final Datastore target, final Element config,
            final EditOperation defaultOperation, final ErrorOption errorOption, final TestOption testOption,
            final long sessionId) throws RpcException {
        checkNotLockedByOther(target, sessionId);
        final var nodes = parser.parse(config, defaultOperation);
        final var edited = DataTrees.lenient(codec.context(), read(target));
        final var mod = edited.takeSnapshot().newModification();
        final var skipped = applier.apply(nodes, defaultOperation, mod,
            errorOption == ErrorOption.CONTINUE_ON_ERROR);
        mod.ready();
        try {
            edited.validate(mod);
            edited.commit(edited.prepare(mod));
        } catch (DataValidationFailedException e) {
            throw SchemaErrors.of(codec.context(), e, "the edit does not fit the model", secret);
        } catch (IllegalArgumentException e) {
            throw validator.explain(e, nodes, "the edit does not fit the model");
        }
        final var result = DataTrees.root(edited);
        if (testOption == TestOption.TEST_ONLY) {
            validator.check(result);
            return skipped;
        }
        if (target == Datastore.CANDIDATE) {
            candidate = edited;
        } else {
            // Running is what the system runs: it is validated whatever the test-option says.
            validator.check(result);
            changeRunning(result, sessionId, "edit", true);
            if (!candidateModified(running)) {
                candidate = DataTrees.lenient(codec.context(), result);
            }
        }
        return skipped;
    }

    /**
     * Reads a whole configuration given as a {@code <config>} element (copy-config, validate, the saved file),
     * with the same precise errors as an edit.
     */
    public ContainerNode parseConfig(final Element config) throws RpcException {
        final var tree = DataTrees.lenient(codec.context(), DataTrees.emptyRoot());
        final var mod = tree.takeSnapshot().newModification();
        applier.apply(parser.parse(config, EditOperation.MERGE), EditOperation.MERGE, mod, false);
        mod.ready();
        try {
            tree.validate(mod);
            tree.commit(tree.prepare(mod));
        } catch (DataValidationFailedException e) {
            throw SchemaErrors.of(codec.context(), e, "the configuration does not fit the model", secret);
        } catch (IllegalArgumentException e) {
            throw RpcError.application("invalid-value", "the configuration does not fit the model: "
                + e.getMessage()).toException();
        }
        return DataTrees.root(tree);
    }

    /**
     * Makes a saved configuration running at start: validated, then applied by every participant, not saved
     * again and not reported to listeners.
     */
    public synchronized void load(final ContainerNode config) throws RpcException {
        validator.check(config);
        pipeline.run(running, config, false);
        running = config;
        candidate = DataTrees.lenient(codec.context(), config);
    }

    /** Validates a datastore, or a configuration given inline (RFC 6241 section 8.6). */
    public synchronized void validate(final ContainerNode config) throws RpcException {
        validator.check(config);
    }

    /** Commits the candidate into running (RFC 6241 sections 8.3.4.1 and 8.4). */
    public synchronized void commit(final CommitRequest request, final long sessionId) throws RpcException {
        checkNotLockedByOther(Datastore.RUNNING, sessionId);
        checkNotLockedByOther(Datastore.CANDIDATE, sessionId);
        if (pending != null && !request.confirmed() || pending != null && request.persistId() != null) {
            checkMayConfirm(request.persistId(), sessionId);
        }
        final var proposed = DataTrees.root(candidate);
        validator.check(proposed);
        final var confirming = pending != null && !request.confirmed();
        final var before = running;
        changeRunning(proposed, sessionId, request.confirmed() ? "confirmed-commit" : "commit", !request.confirmed());
        if (request.confirmed()) {
            final var rollbackTo = pending != null ? pending.rollbackTo() : before;
            if (pending != null) {
                pending.timeout().cancel(false);
            }
            final var future = timer.schedule(this::confirmTimedOut, request.timeoutSeconds(), TimeUnit.SECONDS);
            pending = new PendingConfirm(rollbackTo, sessionId, request.persist(), future);
        } else if (confirming) {
            pending.timeout().cancel(false);
            pending = null;
        }
        candidate = DataTrees.lenient(codec.context(), running);
    }

    /** Cancels a pending confirmed commit and restores the configuration from before it (RFC 6241 8.4.5.2). */
    public synchronized void cancelCommit(final String persistId, final long sessionId) throws RpcException {
        if (pending == null) {
            throw RpcError.protocol("operation-failed", "no confirmed commit is pending").toException();
        }
        checkMayConfirm(persistId, sessionId);
        rollbackPending(sessionId);
    }

    /** Reverts the candidate to running (RFC 6241 section 8.3.4.2). */
    public synchronized void discardChanges(final long sessionId) throws RpcException {
        checkNotLockedByOther(Datastore.CANDIDATE, sessionId);
        candidate = DataTrees.lenient(codec.context(), running);
    }

    /** Replaces a whole datastore with a configuration (copy-config). */
    public synchronized void replace(final Datastore target, final ContainerNode config, final long sessionId)
            throws RpcException {
        checkNotLockedByOther(target, sessionId);
        if (target == Datastore.CANDIDATE) {
            candidate = DataTrees.lenient(codec.context(), config);
            return;
        }
        validator.check(config);
        changeRunning(config, sessionId, "copy", true);
        candidate = DataTrees.lenient(codec.context(), config);
    }

    /** Releases what an ended session held: locks, its uncommitted candidate, its unconfirmed commit. */
    public synchronized void sessionEnded(final long sessionId) {
        if (locks.releaseAll(sessionId)) {
            candidate = DataTrees.lenient(codec.context(), running);
        }
        if (pending != null && pending.persist() == null && pending.owner() == sessionId) {
            LOG.info("Session {} ended before confirming its commit: rolling back", sessionId);
            try {
                rollbackPending(0);
            } catch (RpcException e) {
                LOG.error("The rollback of an unconfirmed commit failed: {}", e.getMessage());
            }
        }
    }

    /** The locks held now, for ietf-netconf-monitoring. */
    public synchronized java.util.Map<Datastore, HeldLock> locks() {
        return locks.held();
    }

    /** Whether a confirmed commit awaits confirmation. */
    public synchronized boolean confirmPending() {
        return pending != null;
    }

    private void changeRunning(final ContainerNode proposed, final long sessionId, final String reason,
            final boolean persist) throws RpcException {
        final var before = running;
        pipeline.run(before, proposed, persist);
        running = proposed;
        for (var listener : listeners) {
            listener.onRunningChanged(before, proposed, sessionId, reason);
        }
    }

    private void confirmTimedOut() {
        synchronized (this) {
            if (pending == null) {
                return;
            }
            LOG.info("Confirmed commit of session {} was not confirmed in time: rolling back", pending.owner());
            try {
                rollbackPending(0);
            } catch (RpcException e) {
                LOG.error("The rollback of an unconfirmed commit failed: {}", e.getMessage());
            }
        }
    }

    private void rollbackPending(final long sessionId) throws RpcException {
        final var target = pending.rollbackTo();
        pending.timeout().cancel(false);
        pending = null;
        changeRunning(target, sessionId, "rollback", true);
        candidate = DataTrees.lenient(codec.context(), target);
    }

    private void checkMayConfirm(final String persistId, final long sessionId) throws RpcException {
        if (pending.persist() != null) {
            if (!pending.persist().equals(persistId)) {
                throw RpcError.protocol("invalid-value", "the persist-id does not match the pending confirmed commit")
                    .toException();
            }
        } else if (persistId != null) {
            throw RpcError.protocol("invalid-value", "the pending confirmed commit has no persist token")
                .toException();
        } else if (pending.owner() != sessionId) {
            throw RpcError.protocol("in-use", "a confirmed commit of session " + pending.owner()
                + " is pending; only that session can confirm or cancel it").toException();
        }
    }

    private void checkNotLockedByOther(final Datastore datastore, final long sessionId) throws RpcException {
        if (locks.lockedByOther(datastore, sessionId)) {
            final var holder = locks.holder(datastore).orElseThrow();
            throw RpcError.protocol("in-use", "the " + datastore.xmlName() + " datastore is locked by session "
                + holder).withInfo("session-id", Long.toString(holder)).toException();
        }
    }

    private boolean candidateModified() {
        return candidateModified(running);
    }

    private boolean candidateModified(final ContainerNode reference) {
        return !DataTrees.root(candidate).equals(reference);
    }
}
