package net.twampagent.yang;

import java.util.ServiceLoader;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.api.stmt.FeatureSet;
import org.opendaylight.yangtools.yang.model.spi.source.StringYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;

/** The yangtools effective model of twamp-server, built once per test JVM from {@link TwampServerModel}. */
final class ModelContexts {
    private static final EffectiveModelContext CONTEXT = build();

    private ModelContexts() {
    }

    /** The model with every module and no optional feature: what the agent serves today. */
    static EffectiveModelContext context() {
        return CONTEXT;
    }

    private static EffectiveModelContext build() {
        final YangParserFactory factory = ServiceLoader.load(YangParserFactory.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no yangtools parser on the test class path"));
        final YangParser parser = factory.createParser().setSupportedFeatures(FeatureSet.of());
        try {
            for (String resource : TwampServerModel.resourceNames()) {
                final String fileName = resource.substring(resource.lastIndexOf('/') + 1);
                parser.addSource(new StringYangTextSource(SourceIdentifier.ofYangFileName(fileName),
                    TwampServerModel.read(resource), resource));
            }
            return parser.buildEffectiveModel();
        } catch (Exception e) {
            throw new IllegalStateException("yangtools refused the twamp-server model", e);
        }
    }
}
