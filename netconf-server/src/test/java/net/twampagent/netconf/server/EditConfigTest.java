package net.twampagent.netconf.server;

import static net.twampagent.netconf.server.Replies.assertOk;
import static net.twampagent.netconf.server.Replies.error;
import static net.twampagent.netconf.server.TestAgent.NS;
import static net.twampagent.netconf.server.TestAgent.editServer;
import static net.twampagent.netconf.server.TestAgent.getConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** edit-config on the candidate: every operation, option and error, over a real TCP session. */
class EditConfigTest {
    @TempDir
    Path stateDir;

    private NetconfAgent agent;
    private NetconfClient client;

    @BeforeEach
    void start() throws Exception {
        agent = TestAgent.start(stateDir);
        client = TestAgent.tcp(agent);
    }

    @AfterEach
    void stop() {
        client.close();
        agent.close();
    }

    private String candidate() throws Exception {
        return client.rpc(getConfig("candidate"));
    }

    @Test
    void mergeAddsAndKeepsWhatIsThere() throws Exception {
        assertOk(client.rpc(editServer("<port>9000</port>")));
        assertOk(client.rpc(editServer("<maximum-sessions>100</maximum-sessions>")));
        final var data = candidate();
        assertTrue(data.contains("<port>9000</port>"), data);
        assertTrue(data.contains("<maximum-sessions>100</maximum-sessions>"), data);
    }

    @Test
    void replaceOverwritesTheSubtree() throws Exception {
        assertOk(client.rpc(editServer("<port>9000</port><maximum-sessions>100</maximum-sessions>")));
        assertOk(client.rpc("<edit-config><target><candidate/></target><config><twamp xmlns=\"" + NS
            + "\"><server xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" nc:operation=\"replace\">"
            + "<port>9100</port></server></twamp></config></edit-config>"));
        final var data = candidate();
        assertTrue(data.contains("<port>9100</port>"), data);
        assertFalse(data.contains("maximum-sessions"), data);
    }

    @Test
    void createFailsWithDataExistsAndChangesNothing() throws Exception {
        assertOk(client.rpc(editServer("<port>9000</port>")));
        final var err = error(client.rpc(editServer("<port operation=\"create\">9001</port>")))
            .assertTag("data-exists");
        assertEquals("/tws:twamp/tws:server/tws:port", err.path());
        assertTrue(candidate().contains("<port>9000</port>"));
    }

    private static String addresses(final int from, final int to) {
        final var out = new StringBuilder("<client-list><name>l</name>");
        for (int i = from; i < to; i++) {
            out.append("<address><prefix>10.0.").append(i).append(".0/24</prefix></address>");
        }
        return out.append("</client-list>").toString();
    }

    @Test
    void aListBeyondMaxElementsIsTooManyElementsWithThePathAndChangesNothing() throws Exception {
        assertOk(client.rpc(editServer(addresses(0, 60))));
        final var before = candidate().replaceAll("message-id=\"[^\"]*\"", "");
        // The 65th address arrives in a second edit: the limit counts what the list holds, not what one edit adds.
        final var err = error(client.rpc(editServer(addresses(60, 65)))).assertTag("operation-failed");
        assertEquals("too-many-elements", err.appTag());
        assertTrue(err.path().startsWith("/tws:twamp/tws:server/tws:client-list[tws:name='l']/tws:address"),
            err.path());
        assertEquals(before, candidate().replaceAll("message-id=\"[^\"]*\"", ""));
        assertOk(client.rpc(editServer(addresses(60, 64))));
    }

    @Test
    void deleteOfMissingDataIsDataMissingAndRemoveIsNot() throws Exception {
        assertOk(client.rpc(editServer("<port>9000</port>")));
        error(client.rpc(editServer("<maximum-sessions operation=\"delete\"/>"))).assertTag("data-missing");
        assertOk(client.rpc(editServer("<maximum-sessions operation=\"remove\"/>")));
        assertOk(client.rpc(editServer("<port operation=\"delete\"/>")));
        assertFalse(candidate().contains("<port>"));
    }

    @Test
    void listEntriesAreAddressedByKey() throws Exception {
        assertOk(client.rpc(editServer("<client-list><name>lab</name><address><prefix>10.0.0.0/8</prefix>"
            + "</address></client-list><client-list><name>wan</name><address><prefix>192.0.2.0/24</prefix>"
            + "</address></client-list>")));
        assertOk(client.rpc(editServer("<client-list operation=\"delete\"><name>lab</name></client-list>")));
        final var data = candidate();
        assertFalse(data.contains("10.0.0.0/8"), data);
        assertTrue(data.contains("192.0.2.0/24"), data);
        final var err = error(client.rpc(editServer("<client-list operation=\"delete\"><name>lab</name>"
            + "</client-list>"))).assertTag("data-missing");
        assertEquals("/tws:twamp/tws:server/tws:client-list[tws:name='lab']", err.path());
    }

    @Test
    void aMissingKeyIsMissingElement() throws Exception {
        final var err = error(client.rpc(editServer("<client-list><address><prefix>10.0.0.0/8</prefix>"
            + "</address></client-list>"))).assertTag("missing-element");
        assertEquals("name", err.info("bad-element"));
    }

    @Test
    void outOfRangeIsInvalidValueWithPathAndNoJavaText() throws Exception {
        final var err = error(client.rpc(editServer("<port>70000</port>"))).assertTag("invalid-value");
        assertEquals("application", err.type());
        assertEquals("/tws:twamp/tws:server/tws:port", err.path());
        assertTrue(err.message().contains("70000"), err.message());
        assertFalse(err.message().contains("Exception"), err.message());
        assertFalse(err.message().contains("java."), err.message());
    }

    @Test
    void unknownElementAndNamespaceAreNamed() throws Exception {
        final var unknown = error(client.rpc(editServer("<colour>red</colour>"))).assertTag("unknown-element");
        assertEquals("colour", unknown.info("bad-element"));
        assertEquals("/tws:twamp/tws:server", unknown.path());
        final var ns = error(client.rpc("<edit-config><target><candidate/></target><config>"
            + "<twamp xmlns=\"urn:example:nothing\"/></config></edit-config>")).assertTag("unknown-namespace");
        assertEquals("urn:example:nothing", ns.info("bad-namespace"));
    }

    @Test
    void stateDataCannotBeConfigured() throws Exception {
        error(client.rpc("<edit-config><target><candidate/></target><config><twamp xmlns=\"" + NS
            + "\"><server-state/></twamp></config></edit-config>")).assertTag("invalid-value");
    }

    @Test
    void badOperationAttributeIsBadAttribute() throws Exception {
        final var err = error(client.rpc(editServer("<port operation=\"upsert\">1</port>")))
            .assertTag("bad-attribute");
        assertEquals("operation", err.info("bad-attribute"));
    }

    @Test
    void defaultOperationNoneOnlyAppliesExplicitOperations() throws Exception {
        assertOk(client.rpc(editServer("<port>9000</port>")));
        assertOk(client.rpc("<edit-config><target><candidate/></target><default-operation>none"
            + "</default-operation><config><twamp xmlns=\"" + NS + "\"><server><port>1</port>"
            + "<maximum-sessions operation=\"merge\">10</maximum-sessions></server></twamp></config>"
            + "</edit-config>"));
        final var data = candidate();
        assertTrue(data.contains("<port>9000</port>"), data);
        assertTrue(data.contains("<maximum-sessions>10</maximum-sessions>"), data);
    }

    @Test
    void defaultOperationReplaceReplacesTheWholeConfig() throws Exception {
        assertOk(client.rpc(editServer("<port>9000</port><maximum-sessions>100</maximum-sessions>")));
        assertOk(client.rpc("<edit-config><target><candidate/></target><default-operation>replace"
            + "</default-operation><config><twamp xmlns=\"" + NS + "\"><server><port>1</port></server></twamp>"
            + "</config></edit-config>"));
        assertFalse(candidate().contains("maximum-sessions"));
    }

    @Test
    void testOnlyChangesNothingAndReportsValidationErrors() throws Exception {
        assertOk(client.rpc("<edit-config><target><candidate/></target><test-option>test-only</test-option>"
            + "<config><twamp xmlns=\"" + NS + "\"><server><port>9000</port></server></twamp></config>"
            + "</edit-config>"));
        assertFalse(candidate().contains("9000"));
    }

    @Test
    void stopOnErrorAppliesNothingContinueOnErrorAppliesTheRest() throws Exception {
        final var twoParts = "<config><twamp xmlns=\"" + NS + "\"><server><port>9000</port></server></twamp>"
            + "<bogus xmlns=\"" + NS + "\"/></config>";
        error(client.rpc("<edit-config><target><candidate/></target>" + twoParts + "</edit-config>"))
            .assertTag("unknown-element");
        assertFalse(candidate().contains("9000"));
        final var rollback = "<edit-config><target><candidate/></target><error-option>rollback-on-error"
            + "</error-option><config><twamp xmlns=\"" + NS + "\"><server><port>9000</port></server></twamp>"
            + "<twamp xmlns=\"" + NS + "\"><server><port operation=\"create\">9001</port></server></twamp>"
            + "</config></edit-config>";
        error(client.rpc(rollback)).assertTag("data-exists");
        assertFalse(candidate().contains("9000"));
        final var cont = "<edit-config><target><candidate/></target><error-option>continue-on-error"
            + "</error-option><config><twamp xmlns=\"" + NS + "\"><server><port>9000</port></server></twamp>"
            + "<twamp xmlns=\"" + NS + "\"><server><maximum-sessions operation=\"delete\"/></server></twamp>"
            + "</config></edit-config>";
        error(client.rpc(cont)).assertTag("data-missing");
        assertTrue(candidate().contains("<port>9000</port>"));
    }

    @Test
    void badParametersAreRefusedClearly() throws Exception {
        error(client.rpc("<edit-config><target><candidate/></target><default-operation>merge-all"
            + "</default-operation><config/></edit-config>")).assertTag("invalid-value");
        error(client.rpc("<edit-config><target><startup/></target><config/></edit-config>"))
            .assertTag("invalid-value");
        error(client.rpc("<edit-config><target><candidate/></target></edit-config>")).assertTag("missing-element");
        error(client.rpc("<edit-config><target><candidate/></target><url>file:///etc/passwd</url>"
            + "</edit-config>")).assertTag("operation-not-supported");
    }

    @Test
    void anEditOfRunningThatBreaksAMustRuleIsRefusedEvenWithTestOptionSet() throws Exception {
        final var err = error(client.rpc("<edit-config><target><running/></target><test-option>set</test-option>"
            + "<config><twamp xmlns=\"" + NS + "\"><server><maximum-sessions>10</maximum-sessions></server></twamp>"
            + "</config></edit-config>")).assertTag("operation-failed");
        assertEquals("per-connection-above-maximum", err.appTag());
        assertFalse(client.rpc(getConfig("running")).contains("maximum-sessions"));
    }

    @Test
    void editOfRunningGoesThroughValidationAndIsSaved() throws Exception {
        assertOk(client.rpc("<edit-config><target><running/></target><config><twamp xmlns=\"" + NS
            + "\"><server><port>9000</port></server></twamp></config></edit-config>"));
        assertTrue(client.rpc(getConfig("running")).contains("<port>9000</port>"));
        assertTrue(java.nio.file.Files.readString(stateDir.resolve("running.xml")).contains("9000"));
    }
}
