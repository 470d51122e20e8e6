package net.twampagent.netconf.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.twampagent.netconf.auth.UserStore;
import net.twampagent.netconf.datastore.CommitParticipant;
import net.twampagent.netconf.datastore.OperationalStateProvider;
import net.twampagent.netconf.model.AgentModel;
import net.twampagent.netconf.persistence.CorruptStateException;

/** Starts a real agent on loopback for a test: TCP on an ephemeral port, SSH on a free port. */
final class TestAgent {
    static final String USER = "admin";
    static final String PASSWORD = "correct-horse-battery";
    static final String NS = "urn:net:twampagent:yang:twamp-server";
    static final AgentModel MODEL = AgentModel.twampServer();

    private TestAgent() {
    }

    static NetconfAgent start(final Path stateDir) throws IOException, CorruptStateException {
        return start(stateDir, List.of(), OperationalStateProvider.NONE, 16);
    }

    static NetconfAgent start(final Path stateDir, final List<CommitParticipant> participants,
            final OperationalStateProvider state, final int maxSessions) throws IOException, CorruptStateException {
        final var users = UserStore.open(stateDir);
        if (users.isEmpty()) {
            users.setPassword(USER, PASSWORD.toCharArray());
        }
        final var settings = AgentSettings.defaults(stateDir).withPorts("127.0.0.1", freePort(), 0)
            .withLimits(maxSessions, Duration.ofHours(1));
        return NetconfAgent.start(MODEL, settings, users, participants, state);
    }

    static NetconfClient tcp(final NetconfAgent agent) throws IOException {
        return NetconfClient.tcp(agent.tcpAddress().getPort(), false);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** An edit-config of the candidate with the given content under /twamp/server. */
    static String editServer(final String content) {
        return "<edit-config><target><candidate/></target><config><twamp xmlns=\"" + NS + "\"><server>" + content
            + "</server></twamp></config></edit-config>";
    }

    static String getConfig(final String source) {
        return "<get-config><source><" + source + "/></source></get-config>";
    }
}
