package net.twampagent.dataplane.wire;

import io.netty.buffer.ByteBuf;

/**
 * A TWAMP-Control message of fixed size: whole 16-octet blocks, except the 164-octet Set-Up-Response (its 4-octet
 * Mode and 80-octet KeyID travel in clear before the 16-octet-aligned Token and Client-IV).
 */
public interface ControlMessage {
    /** The message's size on the wire. */
    int size();

    /** Writes the message's octets. */
    void encode(ByteBuf out);
}
