package net.twampagent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.util.List;
import net.twampagent.dataplane.config.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Exactly one INFO line per TWAMP-Control listener opened or closed, at start, on a live change and at close. */
class ListenerLogTest extends ServerTestSupport {
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(ControlListeners.class);
    }

    @BeforeEach
    void capture() {
        logged.start();
        logger().addAppender(logged);
    }

    @AfterEach
    void release() {
        logger().detachAppender(logged);
    }

    /** The listener lines logged since the last call, as "opened PORT" / "closed PORT". */
    private List<String> drained() {
        final var lines = logged.list.stream()
            .filter(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().startsWith("TWAMP-Control listener"))
            .map(e -> e.getFormattedMessage().replaceFirst("TWAMP-Control listener (\\w+): instance default address"
                + " \\S+ port (\\d+)", "$1 $2"))
            .toList();
        logged.list.clear();
        return lines;
    }

    @Test
    void startPortChangeAndCloseEachLogOneLinePerListener() throws Exception {
        final ServerConfig first = config().build();
        start(first);
        final int firstPort = server.localAddress().getPort();
        assertEquals(List.of("opened " + firstPort), drained());

        final int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        server.apply(first.toBuilder().port(port).build());
        assertEquals(List.of("closed " + firstPort, "opened " + port), drained());

        server.apply(first.toBuilder().port(port).maximumConnections(5).build());
        assertEquals(List.of(), drained(), "a change that keeps the listener logs nothing about it");

        server.close();
        assertEquals(List.of("closed " + port), drained());
        server = null;
    }

    @Test
    void aListenerThatCannotOpenLogsNothing() throws Exception {
        final ServerConfig first = config().build();
        start(first);
        drained();
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThrows(ConfigurationRejectedException.class,
                () -> server.apply(first.toBuilder().port(taken.getLocalPort()).build()));
        }
        assertEquals(List.of(), drained());
    }
}
