package net.twampagent.yang;

import java.util.ServiceLoader;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.api.stmt.FeatureSet;
import org.opendaylight.yangtools.yang.model.spi.source.StringYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;

/** The yangtools effective models of twamp-server, built once per test JVM from {@link TwampServerModel}. */
final class ModelContexts {
    private static final EffectiveModelContext SERVED = build(FeatureSet.of());
    private static final EffectiveModelContext WITH_LIGHT = build(FeatureSet.of(
        QName.create(TwampServerModel.NAMESPACE, TwampServerModel.REVISION, TwampServerModel.FEATURE_LIGHT)));

    private ModelContexts() {
    }

    /** The model with no optional feature: what the agent serves today. */
    static EffectiveModelContext context() {
        return SERVED;
    }

    /** The model with the feature light, for the documents that configure the TWAMP-Light reflector. */
    static EffectiveModelContext withLight() {
        return WITH_LIGHT;
    }

    private static EffectiveModelContext build(final FeatureSet features) {
        final YangParserFactory factory = ServiceLoader.load(YangParserFactory.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no yangtools parser on the test class path"));
        final YangParser parser = factory.createParser().setSupportedFeatures(features);
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
