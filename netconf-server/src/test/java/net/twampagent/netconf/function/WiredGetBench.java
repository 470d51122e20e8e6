package net.twampagent.netconf.function;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import net.twampagent.dataplane.client.SessionRequest;
import net.twampagent.dataplane.client.TwampClient;

/**
 * Prints how long a whole {@code <get>} takes over NETCONF (TCP on loopback, from the request to the last byte
 * of the reply, read in blocks)
 * while the agent's real TWAMP server holds the largest load the model allows: 1000 control connections (500
 * from 127.0.0.1 and 500 from ::1, the per-client limit) and 2048 test sessions, all made by our TWAMP client.
 * Run it from the module with the test class path, e.g. {@code java -cp
 * target/test-classes:target/classes:$(cat target/classpath.txt) net.twampagent.netconf.function.WiredGetBench}.
 */
public final class WiredGetBench {
    private static final int CONNECTIONS = 1000;
    private static final int SESSIONS = 2048;
    private static final int RUNS = Integer.getInteger("runs", 20);
    private static final String BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static final String BASE_CAPABILITY = "urn:ietf:params:netconf:base:1.0";
    private static final byte[] EOM = "]]>]]>".getBytes(StandardCharsets.US_ASCII);

    private WiredGetBench() {
    }

    public static void main(final String[] args) throws Exception {
        final var dir = Files.createTempDirectory("wired-get-bench");
        final int port = WiredAgent.freePort();
        final var clients = new ArrayList<TwampClient>();
        try (var wired = WiredAgent.start(dir, port)) {
            wired.assertCommitted("<port>" + port + "</port><maximum-connections>" + CONNECTIONS
                + "</maximum-connections><maximum-connections-per-client>500</maximum-connections-per-client>"
                + "<maximum-sessions>" + SESSIONS + "</maximum-sessions>");
            final long setUp = System.nanoTime();
            int sessions = 0;
            for (int i = 0; i < CONNECTIONS; i++) {
                final var host = i % 2 == 0 ? "127.0.0.1" : "::1";
                final var client = TwampClient.connect(new InetSocketAddress(host, port), WiredAgent.ANSWER);
                clients.add(client);
                final int want = SESSIONS * (i + 1) / CONNECTIONS - sessions;
                for (int s = 0; s < want; s++) {
                    client.requestSession(SessionRequest.defaults());
                }
                sessions += want;
            }
            System.out.printf(Locale.ROOT, "%d connections with %d sessions set up in %.1f s%n", clients.size(),
                sessions, (System.nanoTime() - setUp) / 1e9);
            final var first = wired.get();
            System.out.printf(Locale.ROOT, "state shows %d connections and %d sessions%n",
                WiredAgent.values(first, "s:connection").size(), WiredAgent.values(first, "s:session").size());
            final long[] nanos = new long[RUNS];
            int bytes = 0;
            // The test client reads a byte per system call, which would time the client: this one reads in blocks.
            try (var socket = new Socket("127.0.0.1", wired.agent.tcpAddress().getPort())) {
                final var in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                final var out = socket.getOutputStream();
                readMessage(in);
                send(out, "<hello xmlns=\"" + BASE + "\"><capabilities><capability>" + BASE_CAPABILITY
                    + "</capability></capabilities></hello>");
                for (int i = 0; i < RUNS; i++) {
                    final long start = System.nanoTime();
                    send(out, "<rpc message-id=\"" + i + "\" xmlns=\"" + BASE + "\"><get/></rpc>");
                    bytes = readMessage(in);
                    nanos[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "<get> over NETCONF/TCP, %d runs, reply %d kB: min %.0f ms, median %.0f ms,"
                + " max %.0f ms%n", RUNS, bytes / 1024, nanos[0] / 1e6, nanos[RUNS / 2] / 1e6, nanos[RUNS - 1] / 1e6);
        } finally {
            for (var client : clients) {
                client.close();
            }
        }
    }

    private static void send(final OutputStream out, final String message) throws IOException {
        out.write((message + "]]>]]>").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one end-of-message framed message and returns its length in bytes. */
    private static int readMessage(final BufferedInputStream in) throws IOException {
        int matched = 0;
        int length = 0;
        while (matched < EOM.length) {
            final int b = in.read();
            if (b < 0) {
                throw new IOException("the agent closed the session");
            }
            length++;
            matched = b == EOM[matched] ? matched + 1 : b == EOM[0] ? 1 : 0;
        }
        return length - EOM.length;
    }
}
