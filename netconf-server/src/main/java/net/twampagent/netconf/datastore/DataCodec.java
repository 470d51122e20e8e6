package net.twampagent.netconf.datastore;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementInference;
import org.w3c.dom.Element;

/**
 * XML to and from yangtools' normalized nodes, schema-checked both ways. Output is in schema order, so the same
 * configuration always prints the same text (clients such as Ansible compare it as text).
 */
public final class DataCodec {
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    static {
        OUTPUT.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, Boolean.TRUE);
    }

    private final EffectiveModelContext context;

    public DataCodec(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
    }

    public EffectiveModelContext context() {
        return context;
    }

    /**
     * Parses one element whose own schema is {@code self} (a list's schema yields a map of one entry).
     *
     * @throws IllegalArgumentException when the element does not match the schema (the message says why)
     */
    public NormalizedNode parse(final Element element, final EffectiveStatementInference self) {
        final var holder = new NormalizationResultHolder();
        try (var parser = XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder), self)) {
            parser.traverse(new DOMSource(element));
        } catch (XMLStreamException | IOException | RuntimeException e) {
            throw new IllegalArgumentException(cleanMessage(e), e);
        }
        return holder.getResult().data();
    }

    /** Writes every child of a datastore root into {@code target} (a {@code <data>} or {@code <config>}). */
    public void writeChildren(final ContainerNode root, final Element target) {
        try {
            final var xml = OUTPUT.createXMLStreamWriter(new DOMResult(target));
            final var stream = XMLStreamNormalizedNodeStreamWriter.create(xml, context);
            SchemaOrder.writeChildren(stream, root, context);
            stream.flush();
            xml.flush();
        } catch (XMLStreamException | IOException e) {
            throw new IllegalStateException("cannot write data as XML", e);
        }
    }

    private static String cleanMessage(final Throwable failure) {
        Throwable cause = failure;
        String message = null;
        while (cause != null) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
            cause = cause.getCause();
        }
        return message == null ? "the value does not match the model" : message.lines().findFirst().orElse("");
    }
}
