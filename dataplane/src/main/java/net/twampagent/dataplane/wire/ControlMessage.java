package net.twampagent.dataplane.wire;

import io.netty.buffer.ByteBuf;

/** A TWAMP-Control message: a fixed number of 16-octet blocks. */
public interface ControlMessage {
    /** The message's size on the wire, a multiple of 16. */
    int size();

    /** Writes the message's octets. */
    void encode(ByteBuf out);
}
