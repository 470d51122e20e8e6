package net.twampagent.netconf.server;

import static net.twampagent.netconf.server.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions that edit and commit at the same time under a lock each: every round is applied whole, in some order,
 * and the history counts every one of them.
 */
class ConcurrentSessionsTest {
    private static final int SESSIONS = 4;
    private static final int ROUNDS = 6;

    @TempDir
    Path stateDir;

    @Test
    void lockedEditCommitRoundsFromManySessionsAllLand() throws Exception {
        try (var agent = TestAgent.start(stateDir)) {
            final var pool = Executors.newFixedThreadPool(SESSIONS);
            try {
                final var tasks = new ArrayList<Callable<Integer>>();
                for (int s = 0; s < SESSIONS; s++) {
                    final int session = s;
                    tasks.add(() -> rounds(agent, session));
                }
                int committed = 0;
                for (var future : pool.invokeAll(tasks, 120, TimeUnit.SECONDS)) {
                    committed += future.get();
                }
                assertEquals(SESSIONS * ROUNDS, committed);
            } finally {
                pool.shutdownNow();
            }
            try (var client = TestAgent.tcp(agent)) {
                final var history = client.rpc("<get-commit-history xmlns=\"urn:net:twampagent:yang:agent\"/>");
                assertTrue(history.contains("<id>" + SESSIONS * ROUNDS + "</id>"), history);
                final var running = client.rpc(TestAgent.getConfig("running"));
                final var candidate = client.rpc(TestAgent.getConfig("candidate"));
                assertEquals(running.replaceAll("message-id=\"\\d+\"", ""),
                    candidate.replaceAll("message-id=\"\\d+\"", ""));
            }
        }
    }

    /** Runs this session's rounds, retrying a lock that another session holds; returns how many committed. */
    private static int rounds(final NetconfAgent agent, final int session) throws Exception {
        int done = 0;
        try (var client = TestAgent.tcp(agent)) {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
            while (done < ROUNDS && System.nanoTime() < deadline) {
                final var lock = client.rpc("<lock><target><candidate/></target></lock>");
                if (!lock.contains("<ok/>")) {
                    Thread.sleep(5);
                    continue;
                }
                final var port = 10_000 + session * 100 + done;
                assertOk(client.rpc(TestAgent.editServer("<port>" + port + "</port><client-list><name>s" + session
                    + "</name><address><prefix>10." + session + ".0.0/16</prefix></address></client-list>")));
                assertOk(client.rpc("<commit/>"));
                assertOk(client.rpc("<unlock><target><candidate/></target></unlock>"));
                done++;
            }
        }
        return done;
    }
}
