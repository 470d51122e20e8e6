package net.twampagent.netconf.validation;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jaxen.NamespaceContext;
import org.jaxen.SimpleNamespaceContext;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.IdentitySchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.PathExpression;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathExpression.QualifiedBound;

/**
 * What the validator derives once from a model and shares between validations: the prefixes of error paths and
 * identity values, the generated XPath prefixes, the identity hierarchy and the translated expressions.
 */
final class ModelIndex {
    /** Namespace of the YANG-specific XPath functions: an XPath 1.0 engine only takes extensions with a prefix. */
    static final String FUNCTIONS_NAMESPACE = "urn:twampagent:validation:yang-functions";
    static final String FUNCTIONS_PREFIX = "yf";

    private final EffectiveModelContext context;
    private final Map<String, String> prefixToNamespace;
    private final Map<String, String> namespaceToPrefix;
    private final Map<String, String> xpathPrefixes;
    private final Map<QName, Set<QName>> identityAncestors;
    private final XPathTranslator translator;
    private final NamespaceContext xpathNamespaces;
    private final Map<Translation, String> translations = new ConcurrentHashMap<>();

    ModelIndex(final EffectiveModelContext context) {
        this.context = context;
        final var byPrefix = new TreeMap<String, String>();
        final var byNamespace = new HashMap<String, String>();
        final var generated = new HashMap<String, String>();
        for (var module : context.getModules()) {
            final var namespace = module.getNamespace().toString();
            if (!byNamespace.containsKey(namespace)) {
                var prefix = module.getPrefix();
                for (int i = 2; byPrefix.containsKey(prefix); i++) {
                    prefix = module.getPrefix() + i;
                }
                byPrefix.put(prefix, namespace);
                byNamespace.put(namespace, prefix);
                generated.put(namespace, "m" + generated.size());
            }
        }
        prefixToNamespace = Map.copyOf(byPrefix);
        namespaceToPrefix = Map.copyOf(byNamespace);
        xpathPrefixes = Map.copyOf(generated);
        identityAncestors = indexIdentities(context);
        translator = new XPathTranslator(this);
        final var namespaces = new SimpleNamespaceContext();
        xpathPrefixes.forEach((namespace, prefix) -> namespaces.addNamespace(prefix, namespace));
        namespaces.addNamespace(FUNCTIONS_PREFIX, FUNCTIONS_NAMESPACE);
        xpathNamespaces = namespaces;
    }

    EffectiveModelContext context() {
        return context;
    }

    Map<String, String> prefixes() {
        return prefixToNamespace;
    }

    /** The prefix of a namespace in error paths and identity values. */
    String prefixOf(final XMLNamespace namespace) {
        final var prefix = namespaceToPrefix.get(namespace.toString());
        if (prefix == null) {
            throw new IllegalArgumentException("namespace " + namespace + " is not in the model");
        }
        return prefix;
    }

    String namespaceOfPrefix(final String prefix) {
        return prefixToNamespace.get(prefix);
    }

    /** The generated prefix of a namespace inside translated XPath. */
    String xpathPrefixOf(final XMLNamespace namespace) {
        final var prefix = xpathPrefixes.get(namespace.toString());
        if (prefix == null) {
            throw new IllegalArgumentException("namespace " + namespace + " is not in the model");
        }
        return prefix;
    }

    /** The generated prefixes of translated XPath, and the prefix of YANG's functions. */
    NamespaceContext xpathNamespaces() {
        return xpathNamespaces;
    }

    /** Whether an identity is derived from another; with {@code orSelf}, equal identities count too. */
    boolean isDerived(final QName identity, final QName base, final boolean orSelf) {
        if (orSelf && identity.equals(base)) {
            return true;
        }
        final var ancestors = identityAncestors.get(identity);
        return ancestors != null && ancestors.contains(base);
    }

    boolean isIdentity(final QName name) {
        return identityAncestors.containsKey(name);
    }

    /** A {@code must} or {@code when} as XPath 1.0; {@code local} is the namespace of the node it is on. */
    String translate(final QualifiedBound expression, final XMLNamespace local) {
        return translations.computeIfAbsent(new Translation(expression, local),
            key -> translator.translate(expression, local));
    }

    /** A leafref path as XPath 1.0; {@code local} is the namespace of the leafref. */
    String translate(final PathExpression path, final XMLNamespace local) {
        return translations.computeIfAbsent(new Translation(path, local), key -> translator.translate(path, local));
    }

    /** Unprefixed names depend on the node an expression is on, which a grouping can vary: both make the key. */
    private record Translation(Object expression, XMLNamespace local) {
    }

    /** Resolves a prefix as written in a module's own text (its own prefix or an import's) to a namespace. */
    XMLNamespace resolveModulePrefix(final QName within, final String prefix) {
        final Module module = context.findModule(within.getModule()).orElse(null);
        if (module == null || prefix.equals(module.getPrefix())) {
            return within.getNamespace();
        }
        for (var imported : module.getImports()) {
            if (prefix.equals(imported.getPrefix())) {
                final var target = context.findModules(imported.getModuleName().getLocalName()).iterator();
                if (target.hasNext()) {
                    return target.next().getNamespace();
                }
            }
        }
        return null;
    }

    private static Map<QName, Set<QName>> indexIdentities(final EffectiveModelContext context) {
        final var direct = new HashMap<QName, Set<QName>>();
        for (var module : context.getModules()) {
            for (IdentitySchemaNode identity : module.getIdentities()) {
                final var bases = new HashSet<QName>();
                identity.getBaseIdentities().forEach(base -> bases.add(base.getQName()));
                direct.put(identity.getQName(), bases);
            }
        }
        final var closed = new HashMap<QName, Set<QName>>();
        for (var identity : direct.keySet()) {
            final var all = new HashSet<QName>();
            final var pending = new ArrayDeque<>(direct.get(identity));
            while (!pending.isEmpty()) {
                final var next = pending.pop();
                if (all.add(next)) {
                    pending.addAll(direct.getOrDefault(next, Set.of()));
                }
            }
            closed.put(identity, Set.copyOf(all));
        }
        return Map.copyOf(closed);
    }
}
