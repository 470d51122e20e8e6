package net.twampagent.dataplane.wire;

import io.netty.buffer.ByteBuf;

/** Small helpers the message codecs share for fixed-length octet fields. */
final class Octets {
    private Octets() {
    }

    static byte[] read(final ByteBuf in, final int length) {
        final byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    static void requireLength(final String field, final byte[] value, final int length) {
        if (value.length != length) {
            throw new IllegalArgumentException(field + " must be " + length + " octets, not " + value.length);
        }
    }

    static void requireReadable(final String message, final ByteBuf in, final int size) {
        if (in.readableBytes() < size) {
            throw new IllegalArgumentException(message + " needs " + size + " octets, only "
                + in.readableBytes() + " are there");
        }
    }

    static boolean allZero(final byte[] bytes) {
        int acc = 0;
        for (byte b : bytes) {
            acc |= b;
        }
        return acc == 0;
    }
}
