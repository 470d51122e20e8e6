package net.twampagent.netconf.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jaxen.JaxenException;
import org.jaxen.dom.DOMXPath;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.MustConstraintAware;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.FeatureSet;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;

/**
 * Every must, when and leafref path of the served model translates into XPath that jaxen compiles, so a model
 * change that uses a construct the translator lacks fails here rather than at a client's commit.
 */
final class ExpressionTranslationTest {
    @Test
    void everyExpressionOfTheTwampModelTranslates() throws Exception {
        final var translated = translateAll(TestModels.twamp(FeatureSet.of()));
        // Today: two limit rules, two key rules and four client-address rules.
        assertTrue(translated.size() >= 8, () -> "the twamp model lost rules: " + translated);
    }

    @Test
    void everyExpressionOfTheTestModuleTranslates() throws Exception {
        final var translated = translateAll(TestModels.load(TestModels.resource("vt.yang")));
        assertTrue(translated.size() >= 30, () -> "the test module has fewer rules than expected: " + translated);
    }

    @Test
    void translationQualifiesEveryNameAndPrefixesYangFunctions() throws Exception {
        final var context = TestModels.load(TestModels.resource("vt.yang"));
        final var translated = translateAll(context);
        assertTrue(translated.contains("(count(../m0:client[(m0:group = (yf:current())/m0:name)]) <= m0:limit)"),
            translated::toString);
        assertTrue(translated.contains("yf:derived-from-or-self(../m0:proto, '{urn:twampagent:test:validation}udp')"),
            translated::toString);
        assertTrue(translated.contains("/*/m0:top/m0:group/m0:name"), translated::toString);
        assertEquals(List.of(), translated.stream().filter(text -> text.contains("vt:")).toList(),
            "module prefixes of the YANG text must not survive translation");
    }

    private static List<String> translateAll(final EffectiveModelContext context) throws JaxenException {
        final var index = new ModelIndex(context);
        final var translated = new ArrayList<String>();
        walk(index, context, translated);
        for (var text : translated) {
            final var xpath = new DOMXPath(text);
            xpath.setNamespaceContext(index.xpathNamespaces());
        }
        return translated;
    }

    private static void walk(final ModelIndex index, final DataNodeContainer container, final List<String> out) {
        for (var child : container.getChildNodes()) {
            visit(index, child, out);
        }
    }

    private static void visit(final ModelIndex index, final DataSchemaNode node, final List<String> out) {
        final XMLNamespace local = node.getQName().getNamespace();
        node.getWhenCondition().ifPresent(when -> out.add(index.translate(when, local)));
        if (node instanceof MustConstraintAware aware) {
            aware.getMustConstraints().forEach(must -> out.add(index.translate(must.getXpath(), local)));
        }
        if (node instanceof TypedDataSchemaNode typed && typed.getType() instanceof LeafrefTypeDefinition leafref) {
            out.add(index.translate(leafref.getPathStatement(), local));
        }
        if (node instanceof ChoiceSchemaNode choice) {
            for (var caseNode : choice.getCases()) {
                caseNode.getWhenCondition().ifPresent(when -> out.add(index.translate(when, local)));
                walk(index, caseNode, out);
            }
        }
        if (node instanceof DataNodeContainer container) {
            walk(index, container, out);
        }
    }
}
