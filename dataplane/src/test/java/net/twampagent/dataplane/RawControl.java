package net.twampagent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import net.twampagent.dataplane.wire.AcceptSession;
import net.twampagent.dataplane.wire.ControlMessage;
import net.twampagent.dataplane.wire.ServerGreeting;
import net.twampagent.dataplane.wire.ServerStart;
import net.twampagent.dataplane.wire.SetUpResponse;
import net.twampagent.dataplane.wire.StartAck;

/** A control connection driven octet by octet, to send what a well-behaved client never would. */
final class RawControl implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawControl(final Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawControl connect(final InetSocketAddress server) throws IOException {
        final Socket socket = new Socket();
        socket.connect(server, TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return new RawControl(socket);
    }

    /** Connected, greeted and set up in unauthenticated mode. */
    static RawControl ready(final InetSocketAddress server) throws IOException {
        final RawControl raw = connect(server);
        assertEquals(1, raw.greeting().modes());
        raw.send(SetUpResponse.unauthenticated(1));
        assertEquals(0, raw.serverStart().accept());
        return raw;
    }

    Socket socket() {
        return socket;
    }

    ServerGreeting greeting() throws IOException {
        return ServerGreeting.decode(read(ServerGreeting.SIZE));
    }

    ServerStart serverStart() throws IOException {
        return ServerStart.decode(read(ServerStart.SIZE));
    }

    AcceptSession acceptSession() throws IOException {
        return AcceptSession.decode(read(AcceptSession.SIZE));
    }

    StartAck startAck() throws IOException {
        return StartAck.decode(read(StartAck.SIZE));
    }

    void send(final ControlMessage message) throws IOException {
        final ByteBuf buf = Unpooled.buffer(message.size());
        message.encode(buf);
        sendBytes(buf.array());
    }

    void sendBytes(final byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    ByteBuf read(final int size) throws IOException {
        final byte[] bytes = new byte[size];
        in.readFully(bytes);
        return Unpooled.wrappedBuffer(bytes);
    }

    /** True when the server closes the connection (end of stream) with nothing more to read, within 10 s. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
