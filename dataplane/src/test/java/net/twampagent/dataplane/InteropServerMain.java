package net.twampagent.dataplane;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.config.SharedSecret;
import net.twampagent.dataplane.state.ServerEvent;

/**
 * Our server in every mode on loopback, for interoperability runs by hand against outside clients such as
 * perfSONAR's {@code twping} (docs/security.md shows the runs). Arguments: {@code PORT KEYID HEX-SECRET}, the key as
 * in a perfSONAR key file. Prints one line per connection and per session that ends, with what the server counted;
 * runs until killed.
 */
public final class InteropServerMain {
    private InteropServerMain() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: InteropServerMain PORT KEYID HEX-SECRET");
            System.exit(2);
        }
        final ServerConfig config = ServerConfig.builder().port(Integer.parseInt(args[0]))
            .listenAddress(InetAddress.getLoopbackAddress()).modes(Set.of(AuthMode.values()))
            .keys(Map.of(args[1], SharedSecret.ofBytes(HexFormat.of().parseHex(args[2])))).build();
        try (TwampServer server = TwampServer.start(config)) {
            server.subscribe(event -> {
                switch (event) {
                    case ServerEvent.ConnectionClosed closed -> System.out.println("connection " + closed.connection()
                        .id() + " mode " + closed.connection().mode() + " key-id " + closed.connection().keyId()
                        + " closed: " + closed.reason());
                    case ServerEvent.SessionEnded ended -> System.out.println("session " + ended.session().sid()
                        + " ended " + ended.reason() + ": " + ended.session().stats());
                    default -> System.out.println(event);
                }
                System.out.flush();
            });
            System.out.println("listening on " + server.localAddress() + " engine " + server.snapshot().engine());
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
