package net.twampagent.netconf.validation;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The validator judges the test modules' instance documents exactly as yanglint does. */
final class TestModuleOracleTest {
    private static OracleCase.Model model;
    private static OracleCase.Model withImport;

    @BeforeAll
    static void loadModel() throws Exception {
        final var module = TestModels.resource("vt.yang");
        final var context = TestModels.load(module);
        model = new OracleCase.Model(List.of(module), List.of(), context, ModelValidator.of(context));
        final var importing = TestModels.resource("vt-ext.yang");
        final var both = TestModels.load(module, importing);
        withImport = new OracleCase.Model(List.of(module, importing), List.of(), both, ModelValidator.of(both));
    }

    @TestFactory
    Stream<DynamicTest> documentsAreJudgedAsYanglintJudgesThem() throws Exception {
        return OracleCase.forFolder(TestModels.resource("vt"), null, document -> model);
    }

    @TestFactory
    Stream<DynamicTest> rulesThroughAnImportPrefixAreJudgedAsYanglintJudgesThem() throws Exception {
        return OracleCase.forFolder(TestModels.resource("vt-ext"), null, document -> withImport);
    }
}
