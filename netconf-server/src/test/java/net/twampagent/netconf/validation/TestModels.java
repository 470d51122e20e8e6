package net.twampagent.netconf.validation;

import java.net.URISyntaxException;
import java.nio.file.Path;
import net.twampagent.yang.TwampServerModel;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.api.stmt.FeatureSet;
import org.opendaylight.yangtools.yang.model.spi.source.StringYangTextSource;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/** The models of the tests, read from test resources. */
final class TestModels {
    private TestModels() {
    }

    static Path resource(final String name) {
        try {
            return Path.of(TestModels.class.getResource("/validation/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource validation/" + name + " is missing", e);
        }
    }

    /** The twamp-server model as the agent loads it, through {@link TwampServerModel}, with these features. */
    static EffectiveModelContext twamp(final FeatureSet features) throws Exception {
        final var parser = new DefaultYangParserFactory().createParser().setSupportedFeatures(features);
        for (var resource : TwampServerModel.resourceNames()) {
            final var fileName = resource.substring(resource.lastIndexOf('/') + 1);
            parser.addSource(new StringYangTextSource(SourceIdentifier.ofYangFileName(fileName),
                TwampServerModel.read(resource), resource));
        }
        return parser.buildEffectiveModel();
    }

    static EffectiveModelContext load(final Path... modules) throws Exception {
        final var parser = new DefaultYangParserFactory().createParser();
        for (var module : modules) {
            parser.addSource(new URLYangTextSource(module.toUri().toURL()));
        }
        return parser.buildEffectiveModel();
    }
}
