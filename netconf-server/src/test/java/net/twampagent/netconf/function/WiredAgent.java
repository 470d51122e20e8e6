package net.twampagent.netconf.function;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import net.twampagent.dataplane.client.TwampClient;
import net.twampagent.netconf.auth.UserStore;
import net.twampagent.netconf.model.AgentModel;
import net.twampagent.netconf.persistence.CorruptStateException;
import net.twampagent.netconf.server.AgentSettings;
import net.twampagent.netconf.server.NetconfAgent;
import net.twampagent.netconf.server.NetconfClient;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * An agent wired to a real TWAMP server, as the launcher wires it, on loopback: NETCONF over TCP on an ephemeral
 * port, TWAMP on the free port its saved configuration names.
 */
final class WiredAgent implements AutoCloseable {
    static final String NS = "urn:net:twampagent:yang:twamp-server";
    static final AgentModel MODEL = AgentModel.twampServer();
    static final Duration ANSWER = Duration.ofSeconds(10);
    /** The promise is one second; a loaded 2-core machine gets more before a test calls it broken. */
    static final Duration LIVE_CHANGE = Duration.ofSeconds(15);

    final NetconfAgent agent;
    final TwampFunction function;
    final NetconfClient client;

    private WiredAgent(final NetconfAgent agent, final TwampFunction function) throws IOException {
        this.agent = agent;
        this.function = function;
        this.client = NetconfClient.tcp(agent.tcpAddress().getPort(), false);
    }

    /** Starts an agent whose running configuration is the TWAMP server on {@code twampPort}. */
    static WiredAgent start(final Path stateDir, final int twampPort) throws IOException, CorruptStateException {
        return start(stateDir, twampPort, TwampFunction.create(MODEL));
    }

    /** The same with a function of the test's making (e.g. another notification rate). */
    static WiredAgent start(final Path stateDir, final int twampPort, final TwampFunction function)
            throws IOException, CorruptStateException {
        Files.writeString(stateDir.resolve("running.xml"), "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
            + "<twamp xmlns=\"" + NS + "\"><server><port>" + twampPort + "</port></server></twamp></config>",
            StandardCharsets.UTF_8);
        return start(stateDir, function);
    }

    static WiredAgent start(final Path stateDir, final TwampFunction function)
            throws IOException, CorruptStateException {
        final var users = UserStore.open(stateDir);
        final var settings = AgentSettings.defaults(stateDir).withPorts("127.0.0.1", freePort(), 0)
            .withLimits(16, Duration.ofHours(1));
        final NetconfAgent agent;
        try {
            agent = NetconfAgent.start(MODEL, settings, users, List.of(function.participant()), function.state(),
                function.connections());
        } catch (IOException | CorruptStateException | RuntimeException e) {
            function.close();
            throw e;
        }
        function.attach(agent);
        return new WiredAgent(agent, function);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Replaces /twamp/server of the candidate with {@code content} and commits; returns the commit's reply. */
    String commitServer(final String content) throws IOException {
        final var edit = client.rpc("<edit-config><target><candidate/></target><default-operation>replace"
            + "</default-operation><config><twamp xmlns=\"" + NS + "\"><server>" + content
            + "</server></twamp></config></edit-config>");
        if (!edit.contains("<ok/>")) {
            throw new AssertionError("the edit was refused: " + edit);
        }
        final var reply = client.rpc("<commit/>");
        if (!reply.contains("<ok/>")) {
            client.rpc("<discard-changes/>");
        }
        return reply;
    }

    void assertCommitted(final String content) throws IOException {
        final var reply = commitServer(content);
        if (!reply.contains("<ok/>")) {
            throw new AssertionError("the commit was refused: " + reply);
        }
    }

    /** The {@code <get>} reply, with {@code s:} bound to the twamp-server namespace for {@link #values}. */
    Document get() throws IOException {
        return client.rpcDoc("<get/>");
    }

    /** The texts an XPath selects under {@code /rpc-reply/data/twamp/server-state}. */
    static List<String> values(final Document reply, final String path) {
        final var xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            @Override
            public String getNamespaceURI(final String prefix) {
                return "s".equals(prefix) ? NS : javax.xml.XMLConstants.NULL_NS_URI;
            }

            @Override
            public String getPrefix(final String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(final String uri) {
                return null;
            }
        });
        try {
            final var nodes = (NodeList) xpath.evaluate("//s:twamp/s:server-state/" + path, reply,
                XPathConstants.NODESET);
            final var texts = new java.util.ArrayList<String>();
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent().strip());
            }
            return texts;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    static String value(final Document reply, final String path) {
        final var found = values(reply, path);
        return found.size() == 1 ? found.getFirst() : "<" + found.size() + " values at " + path + ">";
    }

    static TwampClient connect(final int port) throws IOException {
        return TwampClient.connect(new InetSocketAddress("127.0.0.1", port), ANSWER);
    }

    /** Why a TWAMP set-up on {@code port} fails, or null when it completes. */
    static IOException refusal(final int port) {
        try (var twamp = connect(port)) {
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    /** Polls until a TWAMP set-up on {@code port} completes (or fails, when {@code accepting} is false). */
    static void await(final int port, final boolean accepting) throws InterruptedException {
        final long end = System.nanoTime() + LIVE_CHANGE.toNanos();
        while (System.nanoTime() < end) {
            if ((refusal(port) == null) == accepting) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("port " + port + (accepting ? " did not accept" : " still accepted")
            + " TWAMP within " + LIVE_CHANGE.toSeconds() + " s");
    }

    @Override
    public void close() {
        client.close();
        function.close();
        agent.close();
    }
}
