package net.twampagent.netconf.validation;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The validator judges the test module's instance documents exactly as yanglint does. */
final class TestModuleOracleTest {
    private static OracleCase.Model model;

    @BeforeAll
    static void loadModel() throws Exception {
        final var module = TestModels.resource("vt.yang");
        final var context = TestModels.load(module);
        model = new OracleCase.Model(List.of(module), List.of(), context, ModelValidator.of(context));
    }

    @TestFactory
    Stream<DynamicTest> documentsAreJudgedAsYanglintJudgesThem() throws Exception {
        return OracleCase.forFolder(TestModels.resource("vt"), null, document -> model);
    }
}
