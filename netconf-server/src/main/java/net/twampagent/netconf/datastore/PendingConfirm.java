package net.twampagent.netconf.datastore;

import java.util.concurrent.ScheduledFuture;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * A confirmed commit waiting for its confirmation.
 *
 * @param rollbackTo the running configuration from before the first confirmed commit
 * @param owner      the session that issued it
 * @param persist    the persist token, or {@code null} when the commit dies with its session
 * @param timeout    the scheduled rollback
 */
record PendingConfirm(ContainerNode rollbackTo, long owner, String persist, ScheduledFuture<?> timeout) {
}
