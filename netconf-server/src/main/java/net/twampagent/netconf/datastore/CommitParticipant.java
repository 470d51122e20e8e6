package net.twampagent.netconf.datastore;

import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * A part of the system that acts on committed configuration (the dataplane, for one). A commit runs every
 * participant's {@link #validate}, then every {@link #prepare}, then every {@link #apply}, then persists; when any
 * step fails, every participant that got past {@code prepare} is asked to {@link #undo}, and nothing changes.
 *
 * <p>Configurations are whole datastore roots: a participant maps what it needs itself.
 */
public interface CommitParticipant {
    /** A short name for logs and error messages. */
    String name();

    /** Checks that the proposed configuration is acceptable, without side effects. */
    default void validate(final ContainerNode proposed) throws CommitFailure {
    }

    /** Reserves what applying needs (ports, memory), so that apply is unlikely to fail. */
    default void prepare(final ContainerNode current, final ContainerNode proposed) throws CommitFailure {
    }

    /** Makes the proposed configuration live. */
    void apply(ContainerNode proposed) throws CommitFailure;

    /**
     * Returns to {@code current} after a later step failed: releases what prepare reserved and, if apply ran,
     * makes {@code current} live again. Must not fail.
     */
    default void undo(final ContainerNode current) {
    }
}
