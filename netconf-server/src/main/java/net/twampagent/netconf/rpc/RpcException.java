package net.twampagent.netconf.rpc;

import java.util.List;

/**
 * Ends an operation with one or more {@code <rpc-error>}s; the operation base class turns it into the reply.
 */
public final class RpcException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<RpcError> errors;

    public RpcException(final RpcError error) {
        this(List.of(error));
    }

    public RpcException(final List<RpcError> errors) {
        super(errors.getFirst().message(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<RpcError> errors() {
        return errors;
    }
}
