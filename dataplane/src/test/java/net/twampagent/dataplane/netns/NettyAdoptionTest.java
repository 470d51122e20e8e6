package net.twampagent.dataplane.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Netty adopts channels made inside a namespace and serves them from event loops of the agent's own namespace:
 * the shape the control server uses for routing instances.
 */
@Timeout(120)
class NettyAdoptionTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static TestNamespace namespace;
    private static NetworkNamespaces namespaces;
    private static EventLoopGroup rootLoops;

    @BeforeAll
    static void start() throws IOException {
        TestNamespace.assumeNamespacesCanBeMade();
        namespace = TestNamespace.create();
        namespaces = NetworkNamespaces.open();
        // Started here, on a root-namespace thread: event loop threads inherit the namespace of their starter.
        rootLoops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stop() throws Exception {
        Closer.closeAll(
                () -> {
                    if (rootLoops != null) {
                        rootLoops.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
                    }
                },
                namespaces, namespace);
    }

    @Test
    void nioServerSocketChannelAdoptsAListenerFromTheNamespaceAndAcceptsThere() throws Exception {
        InstanceSockets instance = namespaces.instance(namespace.name());
        ServerSocketChannel listener = instance.openServer(new InetSocketAddress(LOOPBACK, 0), 16);
        CompletableFuture<NamespaceIdentity> acceptingThread = new CompletableFuture<>();
        Channel server = new ServerBootstrap()
                .group(rootLoops)
                .channelFactory(() -> new NioServerSocketChannel(listener))
                .childHandler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelActive(ChannelHandlerContext context) throws IOException {
                        acceptingThread.complete(NamespaceIdentity.ofCurrentThread());
                        context.writeAndFlush(Unpooled.copiedBuffer("netty", StandardCharsets.US_ASCII))
                                .addListener(ChannelFutureListener.CLOSE);
                    }
                })
                .register().sync().channel();
        try (SocketChannel client = instance.call(SocketChannel::open)) {
            client.connect(listener.getLocalAddress());
            assertEquals("netty", Wire.readToEnd(client));
            assertEquals(namespaces.ownNamespace(), acceptingThread.get(Wire.TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                    "the event loop that served the connection is in the agent's own namespace");
        } finally {
            server.close().sync();
        }
    }

    @Test
    void nioDatagramChannelAdoptsAUdpSocketFromTheNamespaceAndEchoesThere() throws Exception {
        InstanceSockets instance = namespaces.instance(namespace.name());
        InetSocketAddress any = new InetSocketAddress(LOOPBACK, 0);
        DatagramChannel socket = instance.openDatagram(StandardProtocolFamily.INET, any);
        Channel echo = new Bootstrap()
                .group(rootLoops)
                .channelFactory(() -> new NioDatagramChannel(socket))
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext context, DatagramPacket packet) {
                        context.writeAndFlush(new DatagramPacket(packet.content().retain(), packet.sender()));
                    }
                })
                .register().sync().channel();
        try (DatagramChannel client = instance.openDatagram(StandardProtocolFamily.INET, any)) {
            Wire.send(client, "echo-me", socket.getLocalAddress());
            assertEquals("echo-me", Wire.receive(client).text());
        } finally {
            echo.close().sync();
        }
    }
}
