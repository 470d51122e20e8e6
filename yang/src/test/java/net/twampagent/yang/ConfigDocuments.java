package net.twampagent.yang;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.opendaylight.yangtools.yang.data.tree.impl.di.InMemoryDataTreeFactory;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * Loads a configuration instance document the way a yangtools-based agent would: the XML codec checks types,
 * ranges, lengths and patterns; a configuration data tree then checks keys, mandatory nodes and element counts.
 * yangtools evaluates no must or when, so must rules are left to yanglint here.
 */
final class ConfigDocuments {
    private static final QName TWAMP = QName.create(TwampServerModel.NAMESPACE, TwampServerModel.REVISION, "twamp");

    private ConfigDocuments() {
    }

    /** The {@code <twamp>} container of {@code document}, after a successful commit into a fresh data tree. */
    static NormalizedNode load(final Path document, final EffectiveModelContext context)
            throws IOException, XMLStreamException, DataValidationFailedException {
        final NormalizationResultHolder holder = new NormalizationResultHolder();
        final XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = Files.newInputStream(document);
             XmlParserStream parser = XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder),
                 SchemaInferenceStack.of(context, Absolute.of(TWAMP)).toInference())) {
            final XMLStreamReader reader = factory.createXMLStreamReader(in);
            try {
                parser.parse(reader);
            } finally {
                reader.close();
            }
        }
        final NormalizedNode twamp = holder.getResult().data();
        final DataTree tree = new InMemoryDataTreeFactory().create(DataTreeConfiguration.DEFAULT_CONFIGURATION,
            context);
        final DataTreeModification modification = tree.takeSnapshot().newModification();
        modification.write(YangInstanceIdentifier.of(TWAMP), twamp);
        modification.ready();
        tree.validate(modification);
        tree.commit(tree.prepare(modification));
        return twamp;
    }
}
