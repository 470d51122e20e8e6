package net.twampagent.netconf.rpc;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code <rpc-error>} with every field of RFC 6241 Appendix A. The message is for a human and never carries
 * Java exception text.
 *
 * @param type      error-type: transport, rpc, protocol or application
 * @param tag       error-tag, e.g. {@code invalid-value}
 * @param appTag    error-app-tag, or {@code null}
 * @param path      error-path as an XPath with prefixes, or {@code null}
 * @param prefixes  prefix to namespace for the prefixes used in {@code path}
 * @param message   error-message
 * @param info      error-info children by local name (base namespace), in order
 */
public record RpcError(String type, String tag, String appTag, String path, Map<String, String> prefixes,
        String message, Map<String, String> info) {
    public RpcError {
        requireNonNull(type, "type");
        requireNonNull(tag, "tag");
        requireNonNull(message, "message");
        prefixes = Map.copyOf(prefixes);
        info = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }

    /** An error of the protocol layer (the request itself is wrong). */
    public static RpcError protocol(final String tag, final String message) {
        return new RpcError("protocol", tag, null, null, Map.of(), message, Map.of());
    }

    /** An error of the application layer (the data is wrong). */
    public static RpcError application(final String tag, final String message) {
        return new RpcError("application", tag, null, null, Map.of(), message, Map.of());
    }

    /** The same error with an error-path. */
    public RpcError at(final ErrorPath where) {
        return new RpcError(type, tag, appTag, where.xpath(), where.prefixes(), message, info);
    }

    /** The same error with an error-app-tag. */
    public RpcError withAppTag(final String newAppTag) {
        return new RpcError(type, tag, newAppTag, path, prefixes, message, info);
    }

    /** The same error with one more error-info child. */
    public RpcError withInfo(final String name, final String value) {
        final var more = new LinkedHashMap<>(info);
        more.put(name, value);
        return new RpcError(type, tag, appTag, path, prefixes, message, more);
    }

    /** This error as an exception, to leave an operation. */
    public RpcException toException() {
        return new RpcException(this);
    }
}
