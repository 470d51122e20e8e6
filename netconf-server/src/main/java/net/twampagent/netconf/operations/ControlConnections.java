package net.twampagent.netconf.operations;

/**
 * The TWAMP-Control connections an operator may close with {@code clear-connection}: the dataplane's, or none when
 * the agent runs without one.
 */
public interface ControlConnections {
    /** An agent without a dataplane: no connection is ever open. */
    ControlConnections NONE = new ControlConnections() {
        @Override
        public boolean clear(final long connectionId) {
            return false;
        }

        @Override
        public int clearAll() {
            return 0;
        }
    };

    /** Closes one connection and its sessions; false when no open connection has that id. */
    boolean clear(long connectionId);

    /** Closes every connection; returns how many were closed. */
    int clearAll();
}
