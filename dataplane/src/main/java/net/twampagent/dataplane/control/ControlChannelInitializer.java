package net.twampagent.dataplane.control;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/** Builds the pipeline of each TWAMP-Control connection accepted by one listener, in that listener's instance. */
public final class ControlChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final ServerCore core;
    private final InstanceScope instance;

    public ControlChannelInitializer(final ServerCore core, final InstanceScope instance) {
        this.core = core;
        this.instance = instance;
    }

    @Override
    protected void initChannel(final SocketChannel channel) {
        channel.pipeline().addLast("admission", new AdmissionHandler(core, instance))
            .addLast("framing", new ControlFrameDecoder())
            .addLast("control", new ControlConnectionHandler(core, instance));
    }
}
