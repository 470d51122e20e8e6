package net.twampagent.netconf.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.twampagent.yang.TwampServerModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.stmt.FeatureSet;

/**
 * The validator judges documents of the twamp-server model exactly as yanglint does: this package's own set (one
 * or more per {@code must} rule), the example configurations and counter-examples of docs/examples, and the
 * edge documents the yang module keeps accepted. Documents whose name mentions light need the feature light.
 */
final class TwampModelOracleTest {
    @TempDir
    static Path modules;

    private static OracleCase.Model served;
    private static OracleCase.Model withLight;

    @BeforeAll
    static void loadModels() throws Exception {
        final var files = new ArrayList<Path>();
        for (var resource : TwampServerModel.resourceNames()) {
            final var file = modules.resolve(resource.substring(resource.lastIndexOf('/') + 1));
            Files.writeString(file, TwampServerModel.read(resource));
            files.add(file);
        }
        final var main = List.of(files.getFirst());
        served = model(main, FeatureSet.of(), TwampServerModel.MODULE_NAME + ":");
        withLight = model(main, FeatureSet.of(QName.create(TwampServerModel.NAMESPACE, TwampServerModel.REVISION,
            TwampServerModel.FEATURE_LIGHT)), TwampServerModel.MODULE_NAME + ":" + TwampServerModel.FEATURE_LIGHT);
    }

    private static OracleCase.Model model(final List<Path> main, final FeatureSet features, final String flag)
            throws Exception {
        final var context = TestModels.twamp(features);
        return new OracleCase.Model(main, List.of(flag), context, ModelValidator.of(context));
    }

    private static OracleCase.Model modelOf(final Path document) {
        return document.getFileName().toString().contains("light") ? withLight : served;
    }

    /** The repository's folders; tests run in the module's folder. */
    private static Path repository(final String relative) {
        return Path.of(System.getProperty("user.dir")).resolve("..").resolve(relative).normalize();
    }

    @TestFactory
    Stream<DynamicTest> ownDocumentsAreJudgedAsYanglintJudgesThem() throws Exception {
        return OracleCase.forFolder(TestModels.resource("twamp"), null, TwampModelOracleTest::modelOf);
    }

    @TestFactory
    Stream<DynamicTest> exampleConfigurationsAreAccepted() throws Exception {
        return OracleCase.forFolder(repository("docs/examples"), true, TwampModelOracleTest::modelOf);
    }

    @TestFactory
    Stream<DynamicTest> counterExamplesAreRefused() throws Exception {
        return OracleCase.forFolder(repository("docs/examples/invalid"), false, TwampModelOracleTest::modelOf);
    }

    @TestFactory
    Stream<DynamicTest> edgeDocumentsAreAccepted() throws Exception {
        return OracleCase.forFolder(repository("yang/src/test/resources/accepted"), true,
            TwampModelOracleTest::modelOf);
    }
}
