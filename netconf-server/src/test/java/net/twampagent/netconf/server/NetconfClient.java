package net.twampagent.netconf.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.opendaylight.netconf.api.xml.XmlUtil;
import org.opendaylight.netconf.shaded.sshd.client.SshClient;
import org.opendaylight.netconf.shaded.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.opendaylight.netconf.shaded.sshd.client.session.ClientSession;
import org.w3c.dom.Document;

/**
 * A small NETCONF client for tests and benchmarks: raw bytes over TCP or an SSH subsystem channel, base 1.0
 * end-of-message framing or base 1.1 chunked framing when both hellos carry base:1.1.
 */
public final class NetconfClient implements AutoCloseable {
    static final String BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static final Pattern SESSION_ID = Pattern.compile("<session-id>(\\d+)</session-id>");
    private static final byte[] EOM = "]]>]]>".getBytes(StandardCharsets.UTF_8);

    private final InputStream in;
    private final OutputStream out;
    private final AutoCloseable resource;
    private final AtomicInteger messageId = new AtomicInteger(100);
    private final String serverHello;
    private final boolean chunked;

    private NetconfClient(final InputStream in, final OutputStream out, final AutoCloseable resource,
            final boolean offerBase11) throws IOException {
        this.in = in;
        this.out = out;
        this.resource = resource;
        serverHello = readEom();
        final var caps = "<capability>urn:ietf:params:netconf:base:1.0</capability>"
            + (offerBase11 ? "<capability>urn:ietf:params:netconf:base:1.1</capability>" : "");
        writeEom("<hello xmlns=\"" + BASE + "\"><capabilities>" + caps + "</capabilities></hello>");
        chunked = offerBase11 && serverHello.contains("urn:ietf:params:netconf:base:1.1");
    }

    /** Connects over plain TCP to 127.0.0.1. */
    public static NetconfClient tcp(final int port, final boolean base11) throws IOException {
        final var socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        return new NetconfClient(socket.getInputStream(), socket.getOutputStream(), socket, base11);
    }

    /** Connects over SSH with a password. */
    public static NetconfClient ssh(final int port, final String user, final String password) throws IOException {
        return ssh(port, user, session -> session.addPasswordIdentity(password));
    }

    /** Connects over SSH with a key pair. */
    public static NetconfClient ssh(final int port, final String user, final KeyPair key) throws IOException {
        return ssh(port, user, session -> session.addPublicKeyIdentity(key));
    }

    private interface Identity {
        void add(ClientSession session);
    }

    private static NetconfClient ssh(final int port, final String user, final Identity identity)
            throws IOException {
        final var client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try {
            final var session = client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(30)).getSession();
            identity.add(session);
            session.auth().verify(Duration.ofSeconds(30));
            final var channel = session.createSubsystemChannel("netconf");
            channel.open().verify(Duration.ofSeconds(30));
            final AutoCloseable closer = () -> {
                channel.close(true);
                session.close(true);
                client.stop();
            };
            return new NetconfClient(channel.getInvertedOut(), channel.getInvertedIn(), closer, true);
        } catch (IOException | RuntimeException e) {
            client.stop();
            throw e;
        }
    }

    public String serverHello() {
        return serverHello;
    }

    public long sessionId() {
        final var m = SESSION_ID.matcher(serverHello);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    public boolean chunked() {
        return chunked;
    }

    /** Sends one operation in an {@code <rpc>} and returns the reply text. */
    public String rpc(final String operation) throws IOException {
        send("<rpc message-id=\"" + messageId.incrementAndGet() + "\" xmlns=\"" + BASE + "\">" + operation
            + "</rpc>");
        return receive();
    }

    /** Sends one operation and parses the reply. */
    public Document rpcDoc(final String operation) throws IOException {
        try {
            return XmlUtil.readXmlToDocument(rpc(operation));
        } catch (org.xml.sax.SAXException e) {
            throw new IOException("the reply is not XML", e);
        }
    }

    /** Sends a message as it is (framed). */
    public void send(final String message) throws IOException {
        if (chunked) {
            final var bytes = message.getBytes(StandardCharsets.UTF_8);
            out.write(("\n#" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.write("\n##\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } else {
            writeEom(message);
        }
    }

    /** Reads the next message, or throws when the server closed the session. */
    public String receive() throws IOException {
        return chunked ? readChunked() : readEom();
    }

    private void writeEom(final String message) throws IOException {
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.write(EOM);
        out.flush();
    }

    private String readEom() throws IOException {
        final var buf = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < EOM.length) {
            final int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the session");
            }
            buf.write(b);
            matched = b == EOM[matched] ? matched + 1 : b == EOM[0] ? 1 : 0;
        }
        final var bytes = buf.toByteArray();
        return new String(bytes, 0, bytes.length - EOM.length, StandardCharsets.UTF_8);
    }

    private String readChunked() throws IOException {
        final var buf = new ByteArrayOutputStream();
        while (true) {
            expect('\n');
            expect('#');
            final int first = read();
            if (first == '#') {
                expect('\n');
                return buf.toString(StandardCharsets.UTF_8);
            }
            long size = first - '0';
            for (int c = read(); c != '\n'; c = read()) {
                size = size * 10 + (c - '0');
            }
            buf.write(in.readNBytes((int) size));
        }
    }

    private void expect(final char c) throws IOException {
        final int b = read();
        if (b != c) {
            throw new IOException("bad chunked framing: expected '" + c + "', got " + b);
        }
    }

    private int read() throws IOException {
        final int b = in.read();
        if (b < 0) {
            throw new IOException("the server closed the session");
        }
        return b;
    }

    /** Whether the server closed the session (end of stream) before the read timeout (30 s over TCP). */
    public boolean closedByServer() {
        try {
            while (true) {
                receive();
            }
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (Exception e) {
            // closing a test connection twice or after the server did is fine
        }
    }
}
