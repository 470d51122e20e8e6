package net.twampagent.netconf.server;

import static net.twampagent.netconf.server.Replies.assertOk;
import static net.twampagent.netconf.server.TestAgent.NS;
import static net.twampagent.netconf.server.TestAgent.PASSWORD;
import static net.twampagent.netconf.server.TestAgent.USER;
import static net.twampagent.netconf.server.TestAgent.editServer;
import static net.twampagent.netconf.server.TestAgent.getConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import net.twampagent.netconf.auth.UserStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key chain's {@code secret} is {@code nacm:default-deny-all}: members of the group admin (and the test-only
 * TCP listener, the recovery session) read and write it; any other SSH user never sees it and cannot change it,
 * while the rest of the configuration stays theirs to read and edit.
 */
class SecretAccessTest {
    private static final String OPS = "ops";
    private static final String OPS_PASSWORD = "ops-password-1";
    private static final String SECRET = "pass-phrase-of-k1";
    private static final String KEY = "<authentication-key-chain><name>lab</name><key-id><id>k1</id>"
        + "<secret>" + SECRET + "</secret></key-id></authentication-key-chain>";
    private static final String HISTORY = "<get-commit-history xmlns=\"urn:net:twampagent:yang:agent\"/>";

    @TempDir
    Path stateDir;

    @BeforeEach
    void users() throws Exception {
        final var users = UserStore.open(stateDir);
        users.setPassword(USER, PASSWORD.toCharArray());
        users.setPassword(OPS, OPS_PASSWORD.toCharArray());
    }

    @Test
    void onlyAdminsAndTheRecoverySessionReadTheSecret() throws Exception {
        try (var agent = TestAgent.start(stateDir);
                var admin = NetconfClient.ssh(agent.sshPort(), USER, PASSWORD);
                var ops = NetconfClient.ssh(agent.sshPort(), OPS, OPS_PASSWORD);
                var tcp = TestAgent.tcp(agent)) {
            assertOk(admin.rpc(editServer("<port>9000</port>")));
            assertOk(admin.rpc("<commit/>"));
            assertOk(admin.rpc(editServer(KEY)));
            assertOk(admin.rpc("<commit/>"));
            assertOk(admin.rpc(editServer("<authentication-key-chain><name>lab</name><key-id><id>k1</id>"
                + "<secret>second-" + SECRET + "</secret></key-id></authentication-key-chain>")));
            assertOk(admin.rpc("<commit/>"));

            for (var read : new String[] {getConfig("running"), getConfig("candidate"), "<get/>"}) {
                final var seen = admin.rpc(read);
                assertTrue(seen.contains("second-" + SECRET) && seen.contains("<id>k1</id>"), seen);
                assertTrue(tcp.rpc(read).contains("second-" + SECRET), read);
                final var hidden = ops.rpc(read);
                assertTrue(hidden.contains("<id>k1</id>") && hidden.contains("<name>lab</name>"), hidden);
                assertFalse(hidden.contains("secret") || hidden.contains(SECRET), hidden);
            }
            assertTrue(admin.rpc(HISTORY).contains("tws:secret"), "the admin sees the secret's change");
            final var history = ops.rpc(HISTORY);
            assertTrue(history.contains("authentication-key-chain"), history);
            assertFalse(history.contains("secret"), history);
        }
    }

    @Test
    void othersCannotWriteTheSecretButEditTheRest() throws Exception {
        try (var agent = TestAgent.start(stateDir);
                var admin = NetconfClient.ssh(agent.sshPort(), USER, PASSWORD);
                var ops = NetconfClient.ssh(agent.sshPort(), OPS, OPS_PASSWORD)) {
            assertOk(admin.rpc(editServer(KEY)));
            assertOk(admin.rpc("<commit/>"));
            final var before = admin.rpc(getConfig("candidate"));

            final var write = Replies.error(ops.rpc(editServer("<authentication-key-chain><name>lab</name>"
                + "<key-id><id>k1</id><secret>guessed</secret></key-id></authentication-key-chain>")));
            write.assertTag("access-denied");
            assertEquals("application", write.type());
            assertEquals("/tws:twamp/tws:server/tws:authentication-key-chain[tws:name='lab']/tws:key-id"
                + "[tws:id='k1']/tws:secret", write.path());
            final var create = Replies.error(ops.rpc(editServer("<authentication-key-chain><name>other</name>"
                + "<key-id><id>k2</id><secret>mine</secret></key-id></authentication-key-chain>")));
            create.assertTag("access-denied");
            // Deleting or replacing what holds a secret removes the secret too.
            final var delete = Replies.error(ops.rpc(editServer("<authentication-key-chain><name>lab</name>"
                + "<key-id xmlns:nc=\"" + NetconfClient.BASE + "\" nc:operation=\"delete\"><id>k1</id></key-id>"
                + "</authentication-key-chain>")));
            delete.assertTag("access-denied");
            assertTrue(delete.path().endsWith("/tws:secret"), delete.path());
            Replies.error(ops.rpc("<edit-config><target><candidate/></target><default-operation>replace"
                + "</default-operation><config><twamp xmlns=\"" + NS + "\"><server><port>9100</port></server>"
                + "</twamp></config></edit-config>")).assertTag("access-denied");
            Replies.error(ops.rpc("<copy-config><target><candidate/></target><source><config><twamp xmlns=\""
                + NS + "\"><server/></twamp></config></source></copy-config>")).assertTag("access-denied");
            assertEquals(withoutId(before), withoutId(admin.rpc(getConfig("candidate"))),
                "a denied write changes nothing");

            assertOk(ops.rpc(editServer("<port>9100</port>")));
            assertOk(ops.rpc("<copy-config><target><candidate/></target><source><running/></source>"
                + "</copy-config>"));
            assertOk(ops.rpc(editServer("<port>9200</port><maximum-sessions>100</maximum-sessions>")));
            assertOk(ops.rpc("<commit/>"));
            final var after = admin.rpc(getConfig("running"));
            assertTrue(after.contains("<port>9200</port>") && after.contains(SECRET), after);
        }
    }

    @Test
    void othersCannotRollBackToAConfigurationWithOtherSecrets() throws Exception {
        try (var agent = TestAgent.start(stateDir);
                var admin = NetconfClient.ssh(agent.sshPort(), USER, PASSWORD);
                var ops = NetconfClient.ssh(agent.sshPort(), OPS, OPS_PASSWORD)) {
            assertOk(admin.rpc(editServer("<port>9000</port>")));
            assertOk(admin.rpc("<commit/>"));
            assertOk(admin.rpc(editServer(KEY)));
            assertOk(admin.rpc("<commit/>"));
            assertOk(ops.rpc(editServer("<port>9100</port>")));
            assertOk(ops.rpc("<commit/>"));
            final var rollback = "<rollback-to-commit xmlns=\"urn:net:twampagent:yang:agent\"><id>%d</id>"
                + "</rollback-to-commit>";
            Replies.error(ops.rpc(rollback.formatted(1))).assertTag("access-denied");
            assertTrue(admin.rpc(getConfig("running")).contains("<port>9100</port>"), "nothing changed");
            assertOk(ops.rpc(rollback.formatted(2)));
            assertTrue(admin.rpc(getConfig("running")).contains("<port>9000</port>"));
            assertOk(admin.rpc(rollback.formatted(1)));
            assertFalse(admin.rpc(getConfig("running")).contains(SECRET));
        }
    }

    @Test
    void nacmIsImportOnlyAndItsConfigurationIsNotOffered() throws Exception {
        try (var agent = TestAgent.start(stateDir); var tcp = TestAgent.tcp(agent)) {
            Replies.error(tcp.rpc("<edit-config><target><candidate/></target><config><nacm xmlns=\""
                + "urn:ietf:params:xml:ns:yang:ietf-netconf-acm\"><enable-nacm>false</enable-nacm></nacm></config>"
                + "</edit-config>")).assertTag("unknown-element");
            final var library = tcp.rpc("<get><filter type=\"subtree\"><yang-library xmlns=\""
                + "urn:ietf:params:xml:ns:yang:ietf-yang-library\"/></filter></get>");
            assertTrue(library.matches("(?s).*<import-only-module>\\s*<name>ietf-netconf-acm</name>.*"), library);
        }
    }

    private static String withoutId(final String reply) {
        return reply.replaceFirst("message-id=\"\\d+\"", "");
    }

    @Test
    void aUserAddedToTheAdminGroupReadsTheSecretFromItsNextRequest() throws Exception {
        try (var agent = TestAgent.start(stateDir);
                var admin = NetconfClient.ssh(agent.sshPort(), USER, PASSWORD);
                var ops = NetconfClient.ssh(agent.sshPort(), OPS, OPS_PASSWORD)) {
            assertOk(admin.rpc(editServer(KEY)));
            assertFalse(ops.rpc(getConfig("candidate")).contains(SECRET));
            UserStore.open(stateDir).groups().add(OPS, "admin");
            assertTrue(ops.rpc(getConfig("candidate")).contains(SECRET));
        }
    }
}
