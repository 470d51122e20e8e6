package net.twampagent.netconf.server;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opendaylight.netconf.codec.MessageDecoder;
import org.opendaylight.netconf.server.ServerTransportInitializer;
import org.opendaylight.netconf.transport.api.TransportChannel;
import org.opendaylight.netconf.transport.api.TransportChannelListener;
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
        netty.closeFuture().addListener(f -> open.decrementAndGet());
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
        LOG.warn("A NETCONF transport channel failed: {}", cause.getMessage());
    }

    int openSessions() {
        return open.get();
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
