package net.twampagent.netconf.datastore;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import java.util.ArrayList;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementInference;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.LengthRestrictedTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.RangeRestrictedTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.StringTypeDefinition;

/**
 * What the model allows as the value of a leaf, in words ("a string of length 1..1024"), for an error that may not
 * quote the value it refuses.
 */
final class ValueRule {
    private ValueRule() {
    }

    /** The rule of the leaf or leaf-list {@code leaf} points at. */
    static String of(final EffectiveStatementInference leaf) {
        final var path = leaf.statementPath();
        if (path.isEmpty() || !(path.getLast() instanceof TypedDataSchemaNode typed)) {
            return "a value its type allows";
        }
        return of(typed.getType());
    }

    static String of(final TypeDefinition<?> type) {
        final var rules = new ArrayList<String>();
        if (type instanceof LengthRestrictedTypeDefinition<?> length) {
            length.getLengthConstraint().ifPresent(c -> rules.add("of length " + ranges(c.getAllowedRanges())));
        }
        if (type instanceof RangeRestrictedTypeDefinition<?, ?> range) {
            range.getRangeConstraint().ifPresent(c -> rules.add("in the range " + ranges(c.getAllowedRanges())));
        }
        if (type instanceof StringTypeDefinition string && !string.getPatternConstraints().isEmpty()) {
            rules.add("matching the pattern of its type");
        }
        final var name = type.getQName().getLocalName();
        return "a value of type " + name + (rules.isEmpty() ? "" : " " + String.join(" and ", rules));
    }

    /** YANG's own notation: {@code 1..1024 | 2000}. */
    private static String ranges(final RangeSet<? extends Comparable<?>> set) {
        return set.asRanges().stream().map(ValueRule::range).collect(Collectors.joining(" | "));
    }

    private static String range(final Range<? extends Comparable<?>> range) {
        final var lower = range.hasLowerBound() ? String.valueOf(range.lowerEndpoint()) : "min";
        final var upper = range.hasUpperBound() ? String.valueOf(range.upperEndpoint()) : "max";
        return lower.equals(upper) ? lower : lower + ".." + upper;
    }
}
