package net.twampagent.netconf.rpc;

import java.util.Map;
import java.util.TreeMap;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * An {@code <error-path>}: an absolute XPath naming nodes with their modules' own prefixes, and the namespace
 * declarations those prefixes need.
 *
 * @param xpath    the expression
 * @param prefixes prefix to namespace
 */
public record ErrorPath(String xpath, Map<String, String> prefixes) {
    /** The path of a data node, with the prefixes its modules declare. */
    public static ErrorPath of(final EffectiveModelContext context, final YangInstanceIdentifier path) {
        final var prefixes = new TreeMap<String, String>();
        final var sb = new StringBuilder();
        for (var arg : path.getPathArguments()) {
            if (arg instanceof NodeIdentifierWithPredicates keyed) {
                for (var key : keyed.entrySet()) {
                    sb.append('[').append(name(context, key.getKey(), prefixes)).append('=')
                        .append(literal(key.getValue())).append(']');
                }
            } else if (arg instanceof NodeWithValue<?> value) {
                sb.append("[.=").append(literal(value.getValue())).append(']');
            } else {
                sb.append('/').append(name(context, arg.getNodeType(), prefixes));
            }
        }
        return new ErrorPath(sb.isEmpty() ? "/" : sb.toString(), prefixes);
    }

    /** Writes this path as the text of {@code element}, declaring its prefixes there. */
    public void writeTo(final org.w3c.dom.Element element) {
        prefixes.forEach((prefix, ns) ->
            element.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + prefix, ns));
        element.setTextContent(xpath);
    }

    private static String name(final EffectiveModelContext context, final QName qname,
            final Map<String, String> prefixes) {
        final var module = context.findModuleStatement(qname.getModule());
        final var prefix = module.map(m -> m.prefix().argument()).orElse("ns");
        prefixes.put(prefix, qname.getNamespace().toString());
        return prefix + ':' + qname.getLocalName();
    }

    private static String literal(final Object value) {
        final var text = String.valueOf(value);
        return text.indexOf('\'') < 0 ? "'" + text + "'" : '"' + text + '"';
    }
}
