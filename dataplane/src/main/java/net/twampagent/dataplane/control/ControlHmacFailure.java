package net.twampagent.dataplane.control;

/**
 * What {@link ControlFrameDecoder} passes on, instead of a message, when a ciphered control message fails its
 * HMAC: the handler must not act on anything more from this connection.
 */
final class ControlHmacFailure {
    static final ControlHmacFailure INSTANCE = new ControlHmacFailure();

    private ControlHmacFailure() {
    }
}
