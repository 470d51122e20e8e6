package net.twampagent.netconf.validation;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/** The validator judges the test module's instance documents exactly as yanglint does. */
final class TestModuleOracleTest {
    private static Path module;
    private static EffectiveModelContext context;
    private static ModelValidator validator;

    @BeforeAll
    static void loadModel() throws Exception {
        module = TestModels.resource("vt.yang");
        context = TestModels.load(module);
        validator = ModelValidator.of(context);
    }

    @TestFactory
    Stream<DynamicTest> documentsAreJudgedAsYanglintJudgesThem() throws Exception {
        return OracleCase.forFolder(TestModels.resource("vt"), List.of(module), context, validator);
    }
}
