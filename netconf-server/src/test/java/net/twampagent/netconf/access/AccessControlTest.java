package net.twampagent.netconf.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import net.twampagent.netconf.auth.UserStore;
import net.twampagent.netconf.model.AgentModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who is unrestricted, and which history changes a restricted user sees, on the twamp-server model. */
class AccessControlTest {
    private static final String CHAIN = "/tws:twamp/tws:server/tws:authentication-key-chain";

    @TempDir
    Path stateDir;

    private AccessControl access() throws Exception {
        final var sessions = Map.of(1L, Requester.sshUser("admin"), 2L, Requester.sshUser("ops"),
            3L, Requester.loopbackTcp());
        return new AccessControl(AgentModel.twampServer().context(), UserStore.open(stateDir).groups(),
            id -> sessions.getOrDefault(id, Requester.UNKNOWN));
    }

    @Test
    void adminsAndTheRecoverySessionAreUnrestrictedAndNobodyElse() throws Exception {
        final var access = access();
        assertTrue(access.unrestricted(1));
        assertFalse(access.unrestricted(2));
        assertTrue(access.unrestricted(3));
        assertFalse(access.unrestricted(99), "a session whose user is unknown");
        UserStore.open(stateDir).groups().add("ops", "operators");
        assertFalse(access.unrestricted(2), "only the group admin is privileged");
        UserStore.open(stateDir).groups().add("ops", "admin");
        assertTrue(access.unrestricted(2));
    }

    @Test
    void aRestrictedUserSeesNoChangeOfTheSecretWhateverItsKeysHold() throws Exception {
        final var access = access();
        final var secret = "replace " + CHAIN + "[tws:name='a]/b']/tws:key-id[tws:id=\"it's\"]/tws:secret";
        assertFalse(access.mayReadChange(2, secret));
        assertTrue(access.mayReadChange(1, secret));
        assertTrue(access.mayReadChange(2, "create " + CHAIN + "[tws:name='lab']"));
        assertTrue(access.mayReadChange(2, "replace /tws:twamp/tws:server/tws:port"));
        assertTrue(access.mayReadChange(2, "replace " + CHAIN + "[tws:name='secret']/tws:key-id[tws:id='k']"
            + "/tws:secretive"), "only the node itself and what is below it");
    }
}
