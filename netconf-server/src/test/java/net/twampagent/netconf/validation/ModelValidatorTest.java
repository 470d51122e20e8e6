package net.twampagent.netconf.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;

/** What each kind of failure carries: the tags, path and message the NETCONF layer puts in an rpc-error. */
final class ModelValidatorTest {
    private static final String NS = "urn:twampagent:test:validation";

    private static EffectiveModelContext context;
    private static ModelValidator validator;

    @BeforeAll
    static void loadModel() throws Exception {
        context = TestModels.load(TestModels.resource("vt.yang"));
        validator = ModelValidator.of(context);
    }

    private static List<ValidationFailure> validate(final String document) throws Exception {
        return validator.validate(ConfigDocuments.read(context, TestModels.resource("vt/" + document + ".xml")));
    }

    @Test
    void validConfigurationHasNoFailure() throws Exception {
        assertEquals(List.of(), validate("valid-group-leafref"));
    }

    @Test
    void mustCarriesTheModelsAppTagAndMessage() throws Exception {
        assertEquals(List.of(new ValidationFailure("operation-failed", "sessions-range", "/vt:top/vt:max-sessions",
            "max-sessions must not be below min-sessions")), validate("invalid-must-max-below-min"));
    }

    @Test
    void mustOnADefaultIsEvaluatedAndReportedOnTheDefaultNode() throws Exception {
        assertEquals(List.of(new ValidationFailure("operation-failed", "sessions-range", "/vt:top/vt:max-sessions",
            "max-sessions must not be below min-sessions")), validate("invalid-must-on-default"));
    }

    @Test
    void mustWithoutAppTagIsAMustViolationNamingTheRule() throws Exception {
        assertEquals(List.of(new ValidationFailure("operation-failed", "must-violation", "/vt:top/vt:tls/vt:version",
            "'version' breaks the rule \". >= 2\"")), validate("invalid-tls-version"));
    }

    @Test
    void danglingLeafrefIsInstanceRequiredWithKeysInThePath() throws Exception {
        assertEquals(List.of(new ValidationFailure("data-missing", "instance-required",
            "/vt:top/vt:client[vt:name='a']/vt:group",
            "'g9' does not exist at /vt:top/vt:group/vt:name, which 'group' refers to")), validate("invalid-leafref"));
    }

    @Test
    void missingMandatoryLeafNamesTheMissingNode() throws Exception {
        assertEquals(List.of(new ValidationFailure("missing-element", null, "/vt:top/vt:tls/vt:cert",
            "the mandatory 'cert' is missing", Map.of("bad-element", "cert"))), validate("invalid-tls-missing-cert"));
    }

    @Test
    void missingMandatoryChoiceIsReportedOnItsParent() throws Exception {
        assertEquals(List.of(new ValidationFailure("data-missing", "missing-choice", "/vt:top",
            "one of the cases of the mandatory choice 'target' must be configured",
            Map.of("missing-choice", "target"))), validate("invalid-missing-choice"));
    }

    @Test
    void elementCountsAndUniqueHaveTheirAppTags() throws Exception {
        assertEquals(List.of(new ValidationFailure("operation-failed", "too-few-elements", "/vt:top/vt:client",
            "'client' needs at least 1 entry, 0 are configured")), validate("invalid-no-client"));
        final var tooMany = validate("invalid-too-many-tags");
        assertEquals(1, tooMany.size(), tooMany::toString);
        assertEquals("too-many-elements", tooMany.getFirst().errorAppTag());
        assertTrue(tooMany.getFirst().errorPath().startsWith("/vt:top/vt:client[vt:name='a']/vt:tag[.="),
            tooMany::toString);
        final var duplicate = validate("invalid-unique-default-port");
        assertEquals(1, duplicate.size(), duplicate::toString);
        assertEquals("data-not-unique", duplicate.getFirst().errorAppTag());
        assertEquals("/vt:top/vt:client[vt:name='b']", duplicate.getFirst().errorPath());
        assertEquals(Map.of("non-unique", "/vt:top/vt:client[vt:name='b']/vt:address"),
            duplicate.getFirst().errorInfo());
    }

    @Test
    void configuredDataUnderAFalseWhenIsRefused() throws Exception {
        assertEquals(List.of(new ValidationFailure("unknown-element", null, "/vt:top/vt:secret",
            "'secret' is configured but its condition \"../mode = 'auth'\" is false", Map.of("bad-element", "secret"))),
            validate("invalid-when-secret"));
    }

    @Test
    void messagesAreSentencesNeverJavaText() throws Exception {
        try (var files = Files.list(TestModels.resource("vt"))) {
            for (var file : files.toList()) {
                for (var failure : validator.validate(ConfigDocuments.read(context, file))) {
                    assertFalse(failure.errorMessage().matches("(?s).*(Exception|java\\.|\\tat ).*"),
                        file + ": " + failure);
                    assertTrue(failure.errorPath().startsWith("/vt:"), file + ": " + failure);
                }
            }
        }
    }

    @Test
    void prefixesDeclareEveryPrefixOfThePaths() {
        assertEquals(Map.of("vt", NS), validator.prefixes());
    }

    @Test
    void nodeOutsideTheModelIsRefusedClearly() {
        final ContainerNode root = ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME))
            .withChild(ImmutableNodes.leafNode(QName.create("urn:twampagent:test:elsewhere", "stray"), "x"))
            .build();
        final var error = assertThrows(IllegalArgumentException.class, () -> validator.validate(root));
        assertEquals("'stray' is not in the model", error.getMessage());
    }

    @Test
    void oneValidatorServesConcurrentValidations() throws Exception {
        final var documents = List.of("valid-group-leafref", "invalid-deref", "invalid-group-full",
            "invalid-when-derived-from");
        final var expected = new ArrayList<List<ValidationFailure>>();
        final var roots = new ArrayList<ContainerNode>();
        for (var document : documents) {
            roots.add(ConfigDocuments.read(context, TestModels.resource("vt/" + document + ".xml")));
            expected.add(validator.validate(roots.getLast()));
        }
        final var tasks = new ArrayList<Callable<Boolean>>();
        for (int task = 0; task < 8; task++) {
            tasks.add(() -> {
                for (int round = 0; round < 25; round++) {
                    for (int i = 0; i < roots.size(); i++) {
                        if (!expected.get(i).equals(validator.validate(roots.get(i)))) {
                            return false;
                        }
                    }
                }
                return true;
            });
        }
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (var result : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                assertTrue(result.get(), "a concurrent validation disagreed with a lone one");
            }
        }
    }
}
