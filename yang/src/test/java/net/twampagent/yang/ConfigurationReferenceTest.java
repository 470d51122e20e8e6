package net.twampagent.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.RangeRestrictedTypeDefinition;

/**
 * docs/configuration-reference.md lists exactly the configuration nodes of the model, and states the range and
 * default of each ranged leaf as the model has them, so the reference cannot drift from the module.
 */
class ConfigurationReferenceTest {
    @Test
    void referenceTableMatchesTheModel() throws IOException {
        final Map<String, List<String>> rows = new TreeMap<>();
        for (String line : Files.readAllLines(Docs.folder().resolve("configuration-reference.md"))) {
            if (line.startsWith("| `/twamp/")) {
                final String[] cells = line.split("\\|");
                final List<String> values = new ArrayList<>();
                for (int i = 2; i < cells.length; i++) {
                    values.add(cells[i].trim());
                }
                rows.put(cells[1].trim().replace("`", ""), values);
            }
        }
        final Map<String, DataSchemaNode> nodes = new TreeMap<>();
        final DataSchemaNode server = ModelContexts.withLight().findDataTreeChild(
            ConfigurationNodesTest.q("twamp"), ConfigurationNodesTest.q("server")).orElseThrow();
        collect("/twamp/server", server, nodes);
        assertEquals(new TreeSet<>(nodes.keySet()), new TreeSet<>(rows.keySet()),
            "the paths of docs/configuration-reference.md differ from the model's configuration nodes");

        nodes.forEach((path, node) -> {
            if (node instanceof LeafSchemaNode leaf
                    && leaf.getType() instanceof RangeRestrictedTypeDefinition<?, ?> ranged
                    && ranged.getRangeConstraint().isPresent()) {
                final var range = ranged.getRangeConstraint().orElseThrow().getAllowedRanges().span();
                final String expected = range.lowerEndpoint() + ".." + range.upperEndpoint();
                assertTrue(rows.get(path).get(1).startsWith(expected),
                    path + ": the reference says range " + rows.get(path).get(1) + ", the model " + expected);
                assertEquals(leaf.getType().getDefaultValue().map(String::valueOf).orElse("–"), rows.get(path).get(2),
                    path + ": default");
            }
        });
    }

    private static void collect(final String path, final DataSchemaNode node, final Map<String, DataSchemaNode> out) {
        if (!node.isConfiguration()) {
            return;
        }
        out.put(path, node);
        if (node instanceof DataNodeContainer container) {
            for (DataSchemaNode child : container.getChildNodes()) {
                collect(path + "/" + child.getQName().getLocalName(), child, out);
            }
        }
    }
}
