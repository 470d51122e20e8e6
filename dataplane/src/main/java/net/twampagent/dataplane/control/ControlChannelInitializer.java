package net.twampagent.dataplane.control;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/** Builds the pipeline of each accepted TWAMP-Control connection. */
public final class ControlChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final ServerCore core;

    public ControlChannelInitializer(final ServerCore core) {
        this.core = core;
    }

    @Override
    protected void initChannel(final SocketChannel channel) {
        channel.pipeline().addLast("admission", new AdmissionHandler(core))
            .addLast("framing", new ControlFrameDecoder())
            .addLast("control", new ControlConnectionHandler(core));
    }
}
