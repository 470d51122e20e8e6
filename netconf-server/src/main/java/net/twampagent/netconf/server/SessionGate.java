package net.twampagent.netconf.server;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.channel.Channel;
import java.io.EOFException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opendaylight.netconf.codec.MessageDecoder;
import org.opendaylight.netconf.server.NetconfServerSession;
import org.opendaylight.netconf.server.ServerTransportInitializer;
import org.opendaylight.netconf.transport.api.TransportChannel;
import org.opendaylight.netconf.transport.api.TransportChannelListener;
import org.opendaylight.netconf.transport.ssh.SSHTransportChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a new transport channel to NETCONF only while fewer than the session limit are open, and closes a
 * session that exchanged nothing for the idle timeout. Shared by the SSH and TCP listeners so the limit counts
 * both.
 */
final class SessionGate implements TransportChannelListener<TransportChannel> {
    private static final Logger LOG = LoggerFactory.getLogger(SessionGate.class);

    private final ServerTransportInitializer delegate;
    private final int maxSessions;
    private final Duration idleTimeout;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<Channel, Peer> peers = new ConcurrentHashMap<>();
    private final Map<SocketAddress, String> sshUsers = new ConcurrentHashMap<>();

    SessionGate(final ServerTransportInitializer delegate, final int maxSessions, final Duration idleTimeout) {
        this.delegate = requireNonNull(delegate);
        this.maxSessions = maxSessions;
        this.idleTimeout = requireNonNull(idleTimeout);
    }

    @Override
    public void onTransportChannelEstablished(final TransportChannel channel) {
        final var netty = channel.channel();
        if (open.incrementAndGet() > maxSessions) {
            open.decrementAndGet();
            LOG.warn("Refusing a NETCONF session from {}: the limit of {} sessions is reached",
                netty.remoteAddress(), maxSessions);
            netty.close();
            return;
        }
        final var ssh = channel instanceof SSHTransportChannel;
        final var remote = netty.remoteAddress();
        peers.put(netty, new Peer(remote instanceof InetSocketAddress inet ? inet : null, ssh,
            ssh ? sshUsers.get(remote) : null));
        netty.closeFuture().addListener(f -> {
            open.decrementAndGet();
            peers.remove(netty);
            sshUsers.remove(remote);
        });
        if (!idleTimeout.isZero()) {
            netty.pipeline().addFirst("idle-close", new IdleClose());
            netty.pipeline().addFirst("idle", new IdleStateHandler(0, 0, idleTimeout.toMillis(),
                TimeUnit.MILLISECONDS));
        }
        delegate.onTransportChannelEstablished(channel);
        netty.pipeline().addFirst("message-size", new MessageSizeGuard(MessageSizeGuard.MAX_MESSAGE_BYTES));
        netty.pipeline().addBefore(MessageDecoder.HANDLER_NAME, "hostile-xml", new HostileXmlGuard());
    }

    @Override
    public void onTransportChannelFailed(final Throwable cause) {
        // The SSH stack reports every session that ends, a client's ordinary close included, as a failure with an
        // end-of-file: only what is not an end of the session is a warning.
        if (cause instanceof EOFException) {
            LOG.debug("A NETCONF transport channel ended: {}", cause.getMessage());
        } else {
            LOG.warn("A NETCONF transport channel failed: {}", cause.getMessage());
        }
    }

    /** Notes the user an SSH connection authenticated as, before its NETCONF channel opens. */
    void sshAuthenticated(final SocketAddress client, final String username) {
        sshUsers.put(client, username);
    }

    /** The peer of a NETCONF session, once its hello has been exchanged. */
    Optional<Peer> peer(final long sessionId) {
        for (var entry : peers.entrySet()) {
            final var session = entry.getKey().pipeline().get(NetconfServerSession.class);
            if (session != null && session.sessionId().getValue().longValue() == sessionId) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** Closes the channel when the idle handler says nothing moved for the timeout. */
    private static final class IdleClose extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception {
            if (evt instanceof IdleStateEvent) {
                LOG.info("Closing NETCONF session from {}: idle for too long", ctx.channel().remoteAddress());
                ctx.close();
                return;
            }
            super.userEventTriggered(ctx, evt);
        }
    }
}
