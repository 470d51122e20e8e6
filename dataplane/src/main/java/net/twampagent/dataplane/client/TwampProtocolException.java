package net.twampagent.dataplane.client;

import java.io.IOException;

/** The server answered, but not as TWAMP allows or not with what was asked (a refusal, a bad message). */
public final class TwampProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int accept;

    public TwampProtocolException(final String message, final int accept) {
        super(message);
        this.accept = accept;
    }

    /** The Accept value the server sent, or -1 when the failure was not an Accept value. */
    public int accept() {
        return accept;
    }
}
