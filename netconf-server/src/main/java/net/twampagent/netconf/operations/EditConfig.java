package net.twampagent.netconf.operations;

import java.util.Locale;
import net.twampagent.netconf.datastore.ConfigStore.ErrorOption;
import net.twampagent.netconf.datastore.ConfigStore.TestOption;
import net.twampagent.netconf.datastore.EditOperation;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcException;
import org.w3c.dom.Element;

/** {@code <edit-config>} (RFC 6241 section 7.2) on the candidate, or on running (:writable-running). */
public final class EditConfig extends AgentOperation {
    private final AgentServices services;

    public EditConfig(final SessionContext session, final AgentServices services) {
        super("edit-config", session);
        this.services = services;
    }

    @Override
    protected void execute(final Element operation, final Element reply) throws RpcException {
        final var target = Xml.datastore(Xml.required(operation, "target"));
        final var defaultText = Xml.text(operation, "default-operation");
        final var defaultOperation = defaultText.isEmpty() ? EditOperation.MERGE
            : EditOperation.named(defaultText.orElseThrow())
                .filter(op -> op == EditOperation.MERGE || op == EditOperation.REPLACE || op == EditOperation.NONE)
                .orElseThrow(() -> invalid("default-operation", "use merge, replace or none"));
        final var testOption = enumOf(TestOption.class, operation, "test-option", TestOption.TEST_THEN_SET);
        final var errorOption = enumOf(ErrorOption.class, operation, "error-option", ErrorOption.STOP_ON_ERROR);
        if (Xml.child(operation, "url").isPresent()) {
            throw RpcError.protocol("operation-not-supported",
                "<url> is not supported: this server does not announce the :url capability")
                .withInfo("bad-element", "url").toException();
        }
        final var config = Xml.required(operation, "config");
        final var store = services.store();
        final java.util.List<RpcError> skipped;
        // The store's own monitor: no other session's change can come between the access check and the edit.
        synchronized (store) {
            services.access().checkEdit(session().id(), config, defaultOperation, store.read(target));
            skipped = store.edit(target, config, defaultOperation, errorOption, testOption, session().id());
        }
        if (!skipped.isEmpty()) {
            throw new RpcException(skipped);
        }
        ok(reply);
    }

    private static <E extends Enum<E>> E enumOf(final Class<E> type, final Element operation, final String name,
            final E absent) throws RpcException {
        final var text = Xml.text(operation, name);
        if (text.isEmpty()) {
            return absent;
        }
        try {
            return Enum.valueOf(type, text.orElseThrow().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw invalid(name, "see RFC 6241 section 7.2 for its values");
        }
    }

    private static RpcException invalid(final String element, final String hint) {
        return RpcError.protocol("invalid-value", "<" + element + "> has a value this server does not know: " + hint)
            .withInfo("bad-element", element).toException();
    }
}
