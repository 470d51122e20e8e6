package net.twampagent.netconf.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.twampagent.netconf.datastore.CommitFailure;
import net.twampagent.netconf.datastore.CommitParticipant;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * A commit participant for tests: records every configuration it applies and undoes, and refuses a port that a
 * test marks as taken, at prepare time, as the dataplane would.
 */
final class RecordingParticipant implements CommitParticipant {
    static final QName TWAMP = QName.create(TestAgent.NS, "2026-11-26", "twamp");

    final List<String> events = new CopyOnWriteArrayList<>();
    volatile String refusedPort;
    volatile boolean failApply;

    @Override
    public String name() {
        return "recorder";
    }

    @Override
    public void prepare(final ContainerNode current, final ContainerNode proposed) throws CommitFailure {
        events.add("prepare");
        final var text = proposed.toString();
        if (refusedPort != null && text.contains("port") && text.contains("=" + refusedPort)) {
            throw new CommitFailure("resource-denied", YangInstanceIdentifier.of(TWAMP),
                "port " + refusedPort + " is already in use");
        }
    }

    @Override
    public void apply(final ContainerNode proposed) throws CommitFailure {
        if (failApply) {
            events.add("apply-failed");
            throw new CommitFailure("operation-failed", null, "the dataplane could not apply the configuration");
        }
        events.add("apply");
    }

    @Override
    public void undo(final ContainerNode current) {
        events.add("undo");
    }
}
