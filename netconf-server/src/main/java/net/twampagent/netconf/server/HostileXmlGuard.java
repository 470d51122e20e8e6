package net.twampagent.netconf.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import net.twampagent.netconf.rpc.RpcError;
import net.twampagent.netconf.rpc.RpcReplies;
import org.opendaylight.netconf.api.messages.NetconfMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks every framed message before ODL's decoder sees it: it must be well-formed XML without a DTD and no
 * deeper than a cap. A message that fails gets an {@code <rpc-reply>} with malformed-message and is dropped; the
 * session goes on. (ODL's decoder would close the session without a word.)
 */
final class HostileXmlGuard extends ChannelInboundHandlerAdapter {
    static final int MAX_DEPTH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(HostileXmlGuard.class);
    private static final SAXParserFactory FACTORY = SAXParserFactory.newInstance();

    static {
        try {
            FACTORY.setNamespaceAware(true);
            FACTORY.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            FACTORY.setFeature("http://xml.org/sax/features/external-general-entities", false);
            FACTORY.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg) throws Exception {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        final var checker = new Checker();
        try (var in = new ByteBufInputStream(buf.duplicate())) {
            FACTORY.newSAXParser().parse(in, checker);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            buf.release();
            final var detail = firstLine(e.getMessage());
            final String why;
            if (checker.tooDeep) {
                why = "it nests elements deeper than " + MAX_DEPTH + " levels";
            } else if (detail.contains("DOCTYPE")) {
                why = "it carries a DTD (<!DOCTYPE>), which this server refuses";
            } else {
                why = "it is not well-formed XML (" + detail + ")";
            }
            LOG.info("Refused a message from {}: {}", ctx.channel().remoteAddress(), why);
            final var reply = RpcReplies.errors(null, List.of(new RpcError("rpc", "malformed-message", null, null,
                java.util.Map.of(), "the message was refused: " + why, java.util.Map.of())));
            if (checker.messageId != null) {
                reply.getDocumentElement().setAttribute("message-id", checker.messageId);
            }
            ctx.channel().writeAndFlush(new NetconfMessage(reply));
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private static String firstLine(final String text) {
        return text == null ? "no detail" : text.lines().findFirst().orElse("no detail");
    }

    /** Counts depth and remembers the rpc's message-id, to answer it. */
    private static final class Checker extends DefaultHandler {
        private int depth;
        private boolean tooDeep;
        private String messageId;

        @Override
        public void startElement(final String uri, final String localName, final String qName,
                final Attributes attributes) throws SAXException {
            if (depth == 0) {
                messageId = attributes.getValue("message-id");
            }
            if (++depth > MAX_DEPTH) {
                tooDeep = true;
                throw new SAXException("too deep");
            }
        }

        @Override
        public void endElement(final String uri, final String localName, final String qName) {
            depth--;
        }
    }
}
