package net.twampagent.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ElementCountConstraintAware;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.MustConstraintAware;
import org.opendaylight.yangtools.yang.model.api.MustDefinition;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LengthRestrictedTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.RangeRestrictedTypeDefinition;

/**
 * Every configuration node of issue 2's table exists under /twamp/server with exactly its range, default and
 * units, read from the yangtools effective model (not from the text), and the must rules carry their tags.
 */
class ConfigurationNodesTest {
    static QName q(final String name) {
        return QName.create(TwampServerModel.NAMESPACE, TwampServerModel.REVISION, name);
    }

    /** The node at {@code path} (names separated by '/') under /twamp/server. */
    private static DataSchemaNode node(final EffectiveModelContext context, final String path) {
        final List<QName> names = new java.util.ArrayList<>(List.of(q("twamp"), q("server")));
        Arrays.stream(path.split("/")).map(ConfigurationNodesTest::q).forEach(names::add);
        return context.findDataTreeChild(names)
            .orElseThrow(() -> new AssertionError("no node /twamp/server/" + path));
    }

    private static Optional<String> rangeOf(final TypeDefinition<?> type) {
        return type instanceof RangeRestrictedTypeDefinition<?, ?> ranged
            ? ranged.getRangeConstraint().map(c -> c.getAllowedRanges().toString()) : Optional.empty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        max-connection-duration         | [[0..120]]      | 24  | hours
        maximum-connections             | [[1..1000]]     | 64  | -
        maximum-connections-per-client  | [[1..500]]      | 64  | -
        maximum-sessions                | [[1..2048]]     | 64  | -
        maximum-sessions-per-connection | [[1..1024]]     | 64  | -
        port                            | [[1..65535]]    | 862 | -
        routing-instance-list/port      | [[1..65535]]    | 862 | -
        server-inactivity-timeout       | [[0..30]]       | 15  | minutes
        reflector-inactivity-timeout    | [[1..604800]]   | 900 | seconds
        count                           | [[10..15]]      | 10  | -
        light/port                      | [[862..65535]]  | 862 | -
        """)
    void leafHasItsRangeDefaultAndUnits(final String path, final String range, final String defaultValue,
            final String units) {
        final LeafSchemaNode leaf = assertInstanceOf(LeafSchemaNode.class,
            node(ModelContexts.withLight(), path));
        assertTrue(leaf.isConfiguration(), path + " is configuration");
        assertEquals(Optional.of(range), rangeOf(leaf.getType()), path + " range");
        assertEquals(Optional.of(defaultValue), leaf.getType().getDefaultValue().map(String::valueOf),
            path + " default");
        assertEquals(Optional.ofNullable(units), leaf.getType().getUnits(), path + " units");
    }

    @Test
    void serverIsAPresenceContainerWhoseExistenceEnablesTheServer() {
        final ContainerSchemaNode server = assertInstanceOf(ContainerSchemaNode.class,
            ModelContexts.context().findDataTreeChild(q("twamp"), q("server")).orElseThrow());
        assertTrue(server.isPresenceContainer());
    }

    @Test
    void authenticationModeOffersTheFourJunosModesAndDefaultsToNone() {
        final LeafListSchemaNode modes = assertInstanceOf(LeafListSchemaNode.class,
            node(ModelContexts.context(), "authentication-mode"));
        final EnumTypeDefinition type = assertInstanceOf(EnumTypeDefinition.class, modes.getType());
        assertEquals(List.of("none:1", "authenticated:2", "encrypted:4", "control-only-encrypted:8"),
            type.getValues().stream().map(e -> e.getName() + ":" + e.getValue()).toList());
        assertEquals(List.of("none"), modes.getDefaults().stream().map(String::valueOf).toList());
    }

    @Test
    void keyIdsAreOneToEightyCharactersAndSecretsAreMandatoryAndDeniedByDefault() {
        final LeafSchemaNode id = assertInstanceOf(LeafSchemaNode.class,
            node(ModelContexts.context(), "authentication-key-chain/key-id/id"));
        assertEquals("[[1..80]]", lengthOf(id.getType()));
        final LeafSchemaNode secret = assertInstanceOf(LeafSchemaNode.class,
            node(ModelContexts.context(), "authentication-key-chain/key-id/secret"));
        assertTrue(secret.isMandatory());
        // yangtools keeps an extension it has no semantics for only in the declared statements.
        assertTrue(secret.asEffectiveStatement().getDeclared().declaredSubstatements().stream()
                .map(s -> s.statementDefinition().getStatementName())
                .anyMatch(n -> n.getLocalName().equals("default-deny-all")
                    && n.getNamespace().toString().equals("urn:ietf:params:xml:ns:yang:ietf-netconf-acm")),
            "secret carries nacm:default-deny-all");
    }

    @Test
    void listsHaveTheirJunosSizeLimits() {
        assertEquals(64, maxElements("client-list/address"));
        assertEquals(100, maxElements("routing-instance-list"));
        final LeafSchemaNode name = assertInstanceOf(LeafSchemaNode.class,
            node(ModelContexts.context(), "routing-instance-list/name"));
        assertEquals("[[1..31]]", lengthOf(name.getType()));
        assertEquals(List.of(q("prefix")), assertInstanceOf(ListSchemaNode.class,
            node(ModelContexts.context(), "client-list/address")).getKeyDefinition());
    }

    @Test
    void lightExistsOnlyWithItsFeature() {
        assertFalse(ModelContexts.context().findDataTreeChild(q("twamp"), q("server"), q("light")).isPresent());
        assertTrue(assertInstanceOf(ContainerSchemaNode.class, node(ModelContexts.withLight(), "light"))
            .isPresenceContainer());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        authentication-mode             | key-required
        authentication-key-chain/key-id | duplicate-key-id
        maximum-connections-per-client  | per-client-above-maximum
        maximum-sessions-per-connection | per-connection-above-maximum
        client-list/address/prefix      | client-address-unspecified client-address-broadcast client-address-multicast
        """)
    void mustRulesCarryAnErrorAppTagAndMessage(final String path, final String tags) {
        final MustConstraintAware node = assertInstanceOf(MustConstraintAware.class,
            node(ModelContexts.context(), path));
        final Set<String> found = node.getMustConstraints().stream()
            .map(must -> must.getErrorAppTag().orElseThrow(() -> new AssertionError(path + ": must without tag")))
            .collect(Collectors.toSet());
        assertEquals(Set.of(tags.split(" ")), found, path);
        for (MustDefinition must : node.getMustConstraints()) {
            assertTrue(must.getErrorMessage().filter(m -> m.length() > 40).isPresent(),
                path + ": must " + must.getXpath() + " lacks an error-message a user can act on");
        }
    }

    private static String lengthOf(final TypeDefinition<?> type) {
        final LengthRestrictedTypeDefinition<?> restricted = assertInstanceOf(LengthRestrictedTypeDefinition.class,
            type);
        return restricted.getLengthConstraint().orElseThrow().getAllowedRanges().toString();
    }

    private static int maxElements(final String path) {
        return assertInstanceOf(ElementCountConstraintAware.class, node(ModelContexts.context(), path))
            .getElementCountConstraint().orElseThrow().getMaxElements();
    }
}
