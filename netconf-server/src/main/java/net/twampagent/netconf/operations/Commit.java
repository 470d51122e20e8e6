package net.twampagent.netconf.operations;

import net.twampagent.netconf.datastore.CommitRequest;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/** {@code <commit>}, plain or confirmed (RFC 6241 sections 8.3.4.1 and 8.4). */
public final class Commit extends AgentOperation {
    private static final long DEFAULT_TIMEOUT = 600;

    private final AgentServices services;

    public Commit(final SessionContext session, final AgentServices services) {
        super("commit", session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        final var confirmed = Xml.child(operation, "confirmed").isPresent();
        final var timeoutText = Xml.text(operation, "confirm-timeout");
        long timeout = DEFAULT_TIMEOUT;
        if (timeoutText.isPresent()) {
            try {
                timeout = Long.parseLong(timeoutText.orElseThrow());
            } catch (NumberFormatException e) {
                timeout = 0;
            }
            if (timeout < 1 || timeout > 0xFFFF_FFFFL) {
                throw RpcError.protocol("invalid-value", "confirm-timeout must be a number of seconds from 1 to "
                    + 0xFFFF_FFFFL).withInfo("bad-element", "confirm-timeout").toException();
            }
        }
        final var persist = Xml.text(operation, "persist").orElse(null);
        final var persistId = Xml.text(operation, "persist-id").orElse(null);
        if (!confirmed && (timeoutText.isPresent() || persist != null)) {
            throw RpcError.protocol("invalid-value", "confirm-timeout and persist need <confirmed/>")
                .withInfo("bad-element", timeoutText.isPresent() ? "confirm-timeout" : "persist").toException();
        }
        services.store().commit(new CommitRequest(confirmed, timeout, persist, persistId), session().id());
        ok(reply);
    }
}
