package net.twampagent.netconf.mapping;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import net.twampagent.yang.TwampServerModel;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.api.stmt.FeatureSet;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.spi.source.StringYangTextSource;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/** The twamp-server model as the agent loads it, and configuration documents read through yangtools' XML codec. */
final class MappingFixtures {
    /** The model the agent serves: no optional feature. */
    static final EffectiveModelContext SERVED = model(UnaryOperator.identity(), false);
    /** The model with the feature {@code light}, for the documents that configure it. */
    static final EffectiveModelContext WITH_LIGHT = model(UnaryOperator.identity(), true);

    private MappingFixtures() {
    }

    /**
     * The twamp-server model, its own text first passed through {@code edit} (to prove the mappers follow the
     * module rather than a copy of it).
     */
    static EffectiveModelContext model(final UnaryOperator<String> edit, final boolean light) {
        final var parser = new DefaultYangParserFactory().createParser().setSupportedFeatures(light
            ? FeatureSet.of(QName.create(TwampNames.MODULE, TwampServerModel.FEATURE_LIGHT)) : FeatureSet.of());
        try {
            for (var resource : TwampServerModel.resourceNames()) {
                var text = TwampServerModel.read(resource);
                if (resource.equals(TwampServerModel.mainResourceName())) {
                    text = edit.apply(text);
                }
                parser.addSource(new StringYangTextSource(
                    SourceIdentifier.ofYangFileName(resource.substring(resource.lastIndexOf('/') + 1)), text));
            }
            return parser.buildEffectiveModel();
        } catch (Exception e) {
            throw new IllegalStateException("yangtools refused the twamp-server model", e);
        }
    }

    /** A datastore root holding the {@code <twamp>} document {@code xml}, parsed by yangtools' XML codec. */
    static ContainerNode root(final EffectiveModelContext context, final String xml) {
        return ImmutableNodes.newContainerBuilder().withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME))
            .withChild(parse(context, Absolute.of(TwampNames.TWAMP), xml)).build();
    }

    /** The element {@code xml}, whose schema node is {@code node}, parsed by yangtools' XML codec. */
    static ContainerNode parse(final EffectiveModelContext context, final Absolute node, final String xml) {
        final var holder = new NormalizationResultHolder();
        final var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (var parser = XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder),
                SchemaInferenceStack.of(context, node).toInference())) {
            final var reader = factory.createXMLStreamReader(new StringReader(xml));
            try {
                parser.parse(reader);
            } finally {
                reader.close();
            }
        } catch (IOException | XMLStreamException e) {
            throw new IllegalArgumentException("cannot parse the document: " + e.getMessage(), e);
        }
        return (ContainerNode) holder.getResult().data();
    }

    /** A datastore root with no data at all. */
    static ContainerNode emptyRoot() {
        return ImmutableNodes.newContainerBuilder().withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME))
            .build();
    }

    /** A document with {@code serverBody} inside {@code <twamp><server>}. */
    static String server(final String serverBody) {
        return "<twamp xmlns=\"" + TwampServerModel.NAMESPACE + "\"><server>" + serverBody + "</server></twamp>";
    }

    /**
     * The repository's docs folder: Maven runs the tests in the module's folder, whose parent is the repository.
     * The property {@code twamp.docs} wins when the build sets it.
     */
    static Path docs() {
        final var property = System.getProperty("twamp.docs");
        final var folder = property != null ? Path.of(property)
            : Path.of("").toAbsolutePath().getParent().resolve("docs");
        if (!Files.isDirectory(folder.resolve("examples"))) {
            throw new IllegalStateException("no docs/examples under " + folder + ": run the tests from the module");
        }
        return folder;
    }

    /** The example configurations of docs/examples (not the invalid ones), by file name. */
    static List<Path> examples() {
        try (Stream<Path> files = Files.list(docs().resolve("examples"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
