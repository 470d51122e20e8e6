package net.twampagent.dataplane.netns;

/** What became of the namespace an instance entered, as operational state reports it. */
public enum NamespaceStatus {
    /** The name still names the namespace the instance entered. */
    PRESENT("present"),
    /** The name is gone ({@code ip netns del}); the instance's sockets keep working until they are closed. */
    DELETED("deleted"),
    /** The name now names another namespace (deleted and created again): the instance must be rebuilt to follow. */
    REPLACED("replaced");

    private final String text;

    NamespaceStatus(String text) {
        this.text = text;
    }

    /** The word operational state shows. */
    public String text() {
        return text;
    }
}
