package net.twampagent.netconf.mapping;

import java.io.IOException;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.SchemaOrderedNormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/** Mapped nodes printed as XML by yangtools' own writer, the way the agent puts them on the wire. */
final class XmlWriting {
    private XmlWriting() {
    }

    /** {@code <twamp><server-state>..</server-state></twamp>} as an instance document, in schema order. */
    static String state(final EffectiveModelContext context, final ContainerNode serverState) {
        return twamp(context, ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(TwampNames.id(TwampNames.TWAMP)).withChild(serverState).build());
    }

    /** A {@code <twamp>} container (configuration, state or both) as an instance document, in schema order. */
    static String twamp(final EffectiveModelContext context, final ContainerNode twamp) {
        final var text = new StringWriter();
        try {
            final var xml = factory().createXMLStreamWriter(text);
            // Schema order, as the agent prints replies: the same state always reads the same.
            try (var writer = new SchemaOrderedNormalizedNodeWriter(
                    XMLStreamNormalizedNodeStreamWriter.create(xml, context), context)) {
                writer.write(twamp);
            }
            xml.close();
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("yangtools cannot write the data", e);
        }
        return text.toString();
    }

    /** A notification body as its element, {@code <connection-closed xmlns="..">..</connection-closed>}. */
    static String notification(final EffectiveModelContext context, final ContainerNode body) {
        final var text = new StringWriter();
        try {
            final var xml = factory().createXMLStreamWriter(text);
            final var name = body.name().getNodeType();
            xml.writeStartElement("", name.getLocalName(), name.getNamespace().toString());
            xml.writeDefaultNamespace(name.getNamespace().toString());
            // Flushed, not closed: closing the yangtools writer would end the document before the element.
            final var writer = NormalizedNodeWriter.forStreamWriter(
                XMLStreamNormalizedNodeStreamWriter.create(xml, context, Absolute.of(name)));
            for (var child : body.body()) {
                writer.write(child);
            }
            writer.flush();
            xml.writeEndElement();
            xml.close();
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("yangtools cannot write the notification", e);
        }
        return text.toString();
    }

    private static XMLOutputFactory factory() {
        final var factory = XMLOutputFactory.newFactory();
        factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, Boolean.TRUE);
        return factory;
    }
}
