package net.twampagent.netconf.server;

import static net.twampagent.netconf.server.Replies.assertOk;
import static net.twampagent.netconf.server.Replies.error;
import static net.twampagent.netconf.server.TestAgent.NS;
import static net.twampagent.netconf.server.TestAgent.editServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/** The hello, and what get, get-config and get-schema return. */
class HelloAndReadTest {
    private static final QName TWAMP = RecordingParticipant.TWAMP;
    private static final QName STATE = QName.create(TWAMP, "server-state");

    @TempDir
    Path stateDir;

    private NetconfAgent agent;
    private NetconfClient client;

    @BeforeEach
    void start() throws Exception {
        // A provider standing in for the dataplane: live state composed into <get> when asked.
        agent = TestAgent.start(stateDir, List.of(), () -> Map.of(
            YangInstanceIdentifier.of(TWAMP, STATE),
            ImmutableNodes.newContainerBuilder().withNodeIdentifier(NodeIdentifier.create(STATE))
                .withChild(ImmutableNodes.leafNode(QName.create(TWAMP, "status"), "up")).build()), 16);
        client = TestAgent.tcp(agent);
    }

    @AfterEach
    void stop() {
        client.close();
        agent.close();
    }

    @Test
    void theHelloAnnouncesExactlyWhatWorks() {
        final var caps = new TreeSet<String>();
        final var m = Pattern.compile("<capability>([^<]+)</capability>").matcher(client.serverHello());
        while (m.find()) {
            caps.add(m.group(1).replace("&amp;", "&"));
        }
        final var expected = Set.of(
            "urn:ietf:params:netconf:base:1.0", "urn:ietf:params:netconf:base:1.1",
            "urn:ietf:params:netconf:capability:candidate:1.0",
            "urn:ietf:params:netconf:capability:writable-running:1.0",
            "urn:ietf:params:netconf:capability:validate:1.0", "urn:ietf:params:netconf:capability:validate:1.1",
            "urn:ietf:params:netconf:capability:confirmed-commit:1.0",
            "urn:ietf:params:netconf:capability:confirmed-commit:1.1",
            "urn:ietf:params:netconf:capability:rollback-on-error:1.0",
            "urn:ietf:params:netconf:capability:with-defaults:1.0?basic-mode=explicit&also-supported=report-all,trim",
            NS + "?module=twamp-server&revision=2026-11-26",
            "urn:ietf:params:xml:ns:yang:ietf-inet-types?module=ietf-inet-types&revision=2013-07-15",
            "urn:ietf:params:xml:ns:yang:ietf-yang-types?module=ietf-yang-types&revision=2013-07-15",
            "urn:ietf:params:xml:ns:yang:ietf-netconf-acm?module=ietf-netconf-acm&revision=2018-02-14",
            "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring?module=ietf-netconf-monitoring&revision=2010-10-04",
            "urn:ietf:params:xml:ns:yang:ietf-yang-library?module=ietf-yang-library&revision=2019-01-04",
            "urn:ietf:params:xml:ns:yang:ietf-datastores?module=ietf-datastores&revision=2018-02-14",
            "urn:ietf:params:netconf:capability:notification:1.0", "urn:ietf:params:netconf:capability:interleave:1.0",
            "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications?module=ietf-netconf-notifications"
                + "&revision=2012-02-06",
            "urn:ietf:params:xml:ns:netconf:base:1.0?module=ietf-netconf&revision=2011-06-01",
            "urn:ietf:params:xml:ns:netconf:notification:1.0?module=notifications&revision=2008-07-14",
            "urn:net:twampagent:yang:agent?module=twamp-agent-netconf&revision=2026-11-26");
        final var library = caps.stream().filter(c -> c.startsWith("urn:ietf:params:netconf:capability:yang-library"))
            .toList();
        caps.removeAll(library);
        assertEquals(new TreeSet<>(expected), caps);
        assertEquals(2, library.size(), library.toString());
        assertTrue(library.stream().anyMatch(c -> c.startsWith(
            "urn:ietf:params:netconf:capability:yang-library:1.1?revision=2019-01-04&content-id=")), library.toString());
        assertTrue(client.sessionId() > 0);
    }

    @Test
    void base11ChunkedFramingWorks() throws Exception {
        try (var chunked = NetconfClient.tcp(agent.tcpAddress().getPort(), true)) {
            assertTrue(chunked.chunked());
            assertOk(chunked.rpc(editServer("<port>9000</port>")));
            assertTrue(chunked.rpc(TestAgent.getConfig("candidate")).contains("<port>9000</port>"));
        }
    }

    @Test
    void getComposesRunningWithLiveState() throws Exception {
        assertOk(client.rpc(editServer("<port>9000</port>")));
        assertOk(client.rpc("<commit/>"));
        final var reply = client.rpc("<get/>");
        assertTrue(reply.contains("<port>9000</port>"), reply);
        assertTrue(reply.contains("<status>up</status>"), reply);
        assertFalse(client.rpc(TestAgent.getConfig("running")).contains("server-state"));
    }

    @Test
    void withDefaultsModes() throws Exception {
        assertOk(client.rpc(editServer("<port>862</port><maximum-sessions>100</maximum-sessions>")));
        final var explicit = client.rpc(TestAgent.getConfig("candidate"));
        assertTrue(explicit.contains("<port>862</port>"), explicit);
        assertFalse(explicit.contains("maximum-connections"), explicit);
        final var all = client.rpc(withDefaults("report-all"));
        assertTrue(all.contains("<maximum-connections>64</maximum-connections>"), all);
        assertTrue(all.contains("<maximum-sessions>100</maximum-sessions>"), all);
        final var trim = client.rpc(withDefaults("trim"));
        assertFalse(trim.contains("<port>"), trim);
        assertTrue(trim.contains("<maximum-sessions>100</maximum-sessions>"), trim);
        error(client.rpc(withDefaults("report-all-tagged"))).assertTag("invalid-value");
    }

    private static String withDefaults(final String mode) {
        return "<get-config><source><candidate/></source><with-defaults "
            + "xmlns=\"urn:ietf:params:xml:ns:yang:ietf-netconf-with-defaults\">" + mode
            + "</with-defaults></get-config>";
    }

    @Test
    void subtreeFiltersSelectAndAnEmptyFilterSelectsNothing() throws Exception {
        assertOk(client.rpc(editServer("<port>9000</port><maximum-sessions>100</maximum-sessions>")));
        final var filtered = client.rpc("<get-config><source><candidate/></source><filter><twamp xmlns=\"" + NS
            + "\"><server><port/></server></twamp></filter></get-config>");
        assertTrue(filtered.contains("<port>9000</port>"), filtered);
        assertFalse(filtered.contains("maximum-sessions"), filtered);
        final var empty = client.rpc("<get-config><source><candidate/></source><filter type=\"subtree\"/>"
            + "</get-config>");
        assertFalse(empty.contains("twamp"), empty);
        error(client.rpc("<get-config><source><running/></source><filter type=\"xpath\" select=\"/\"/>"
            + "</get-config>")).assertTag("bad-attribute");
        error(client.rpc("<get-config><source><startup/></source><filter><twamp xmlns=\"" + NS
            + "\"/></filter></get-config>")).assertTag("invalid-value");
    }

    @Test
    void getSchemaReturnsTheModuleText() throws Exception {
        final var reply = client.rpc("<get-schema xmlns=\"urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\">"
            + "<identifier>twamp-server</identifier><version>2026-11-26</version><format>yang</format>"
            + "</get-schema>");
        assertTrue(reply.contains("module twamp-server"), reply);
        error(client.rpc("<get-schema xmlns=\"urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\">"
            + "<identifier>nothing</identifier></get-schema>")).assertTag("invalid-value");
        final var noIdentifier = error(client.rpc(
            "<get-schema xmlns=\"urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\"/>"))
            .assertTag("missing-element");
        assertEquals("identifier", noIdentifier.info("bad-element"));
    }

    @Test
    void unknownOperationsAndUrlsAreRefusedCleanly() throws Exception {
        final var err = error(client.rpc("<delete-config><target><startup/></target></delete-config>"))
            .assertTag("operation-not-supported");
        assertFalse(err.message().contains("<rpc"), err.message());
        error(client.rpc("<copy-config><target><url>file:///var/lib/x</url></target><source><running/></source>"
            + "</copy-config>")).assertTag("operation-not-supported");
    }

    @Test
    void copyConfigReplacesTheCandidate() throws Exception {
        assertOk(client.rpc(editServer("<port>9000</port>")));
        assertOk(client.rpc("<copy-config><target><candidate/></target><source><config><twamp xmlns=\"" + NS
            + "\"><server><maximum-sessions>500</maximum-sessions></server></twamp></config></source>"
            + "</copy-config>"));
        final var data = client.rpc(TestAgent.getConfig("candidate"));
        assertFalse(data.contains("9000"), data);
        assertTrue(data.contains("<maximum-sessions>500</maximum-sessions>"), data);
        assertOk(client.rpc("<copy-config><target><running/></target><source><candidate/></source></copy-config>"));
        assertTrue(client.rpc(TestAgent.getConfig("running")).contains("<maximum-sessions>500</maximum-sessions>"));
    }

    @Test
    void netconfStateListsSchemasLocksAndSessions() throws Exception {
        assertOk(client.rpc("<lock><target><running/></target></lock>"));
        final var reply = client.rpc("<get><filter type=\"subtree\"><netconf-state xmlns=\""
            + "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\"/></filter></get>");
        assertTrue(reply.contains("<identifier>twamp-server</identifier>"), reply);
        assertTrue(reply.contains("<location>NETCONF</location>"), reply);
        assertTrue(reply.contains("<locked-by-session>" + client.sessionId() + "</locked-by-session>"), reply);
        assertTrue(reply.contains("<session-id>" + client.sessionId() + "</session-id>"), reply);
        assertTrue(reply.contains("<capability>urn:ietf:params:netconf:capability:candidate:1.0</capability>"),
            reply);
    }

    @Test
    void theYangLibraryListsImplementedAndImportedModulesKeysFirst() throws Exception {
        final var reply = client.rpc("<get><filter type=\"subtree\"><yang-library xmlns=\""
            + "urn:ietf:params:xml:ns:yang:ietf-yang-library\"/></filter></get>");
        assertTrue(reply.matches("(?s).*<module>\\s*<name>twamp-server</name>.*"), reply);
        assertTrue(reply.matches("(?s).*<import-only-module>\\s*<name>ietf-inet-types</name>.*"), reply);
        assertTrue(reply.contains("<content-id>"), reply);
    }

    @Test
    void repliesFollowTheModelsOrderWhateverTheEditsOrder() throws Exception {
        assertOk(client.rpc(editServer("<port>9000</port><client-list><address><prefix>10.0.0.0/8</prefix>"
            + "</address><name>lab</name></client-list>")));
        final var reply = client.rpc(TestAgent.getConfig("candidate"));
        assertTrue(reply.matches("(?s).*<client-list>\\s*<name>lab</name>\\s*<address>.*</client-list>.*"
            + "<port>9000</port>.*"), reply);
    }

    @Test
    void aMissingMessageIdIsMissingAttribute() throws Exception {
        client.send("<rpc xmlns=\"" + NetconfClient.BASE + "\"><get/></rpc>");
        error(client.receive()).assertTag("missing-attribute");
        assertOk(client.rpc("<discard-changes/>"));
    }
}
