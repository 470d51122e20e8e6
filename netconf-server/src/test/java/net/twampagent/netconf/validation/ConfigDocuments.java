package net.twampagent.netconf.validation;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads an instance document in yanglint's {@code -t config} form (top-level data nodes, possibly several) into
 * the datastore root the validator takes, through yangtools' XML parser as the agent does.
 */
final class ConfigDocuments {
    private ConfigDocuments() {
    }

    static ContainerNode read(final EffectiveModelContext context, final Path file) throws IOException {
        return parse(context, Files.readString(file), file.toString());
    }

    /** Parses a document held in memory; {@code origin} names it in errors. */
    static ContainerNode parse(final EffectiveModelContext context, final String document, final String origin)
            throws IOException {
        var text = document;
        if (text.startsWith("<?xml")) {
            text = text.substring(text.indexOf("?>") + 2);
        }
        final Element wrapper;
        try {
            final var factory = DocumentBuilderFactory.newDefaultNSInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            wrapper = factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader("<documents>" + text + "</documents>")))
                .getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(origin + " is not well-formed XML: " + e.getMessage(), e);
        }
        // With the model's root as parent, the parser reads the children of the element it is given.
        final var holder = new NormalizationResultHolder();
        try {
            XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder),
                SchemaInferenceStack.of(context).toInference()).traverse(new DOMSource(wrapper));
        } catch (XMLStreamException | RuntimeException e) {
            throw new IOException(origin + " does not match the model: " + e.getMessage(), e);
        }
        final var data = holder.getResult().data();
        if (data instanceof ContainerNode container) {
            return container;
        }
        final var root = ImmutableNodes.newContainerBuilder().withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME));
        root.withChild((DataContainerChild) data);
        return root.build();
    }
}
