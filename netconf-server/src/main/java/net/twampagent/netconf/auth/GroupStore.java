package net.twampagent.netconf.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import net.twampagent.netconf.persistence.AtomicFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The groups of the agent's users: {@code groups} in the state directory holds one {@code group: user user}
 * line per group. The group {@value #ADMIN} is the privileged one. Without the file, {@code admin} is the only
 * member of {@value #ADMIN}, so the account made on the first start is privileged from the start.
 */
public final class GroupStore {
    /** The group whose members have unrestricted access (RFC 8341's recovery session). */
    public static final String ADMIN = "admin";

    private static final Logger LOG = LoggerFactory.getLogger(GroupStore.class);
    private static final Pattern NAME = UserStore.NAME;

    private final Path file;
    private final Map<String, Set<String>> members = new TreeMap<>();
    private FileTime loaded;

    private GroupStore(final Path stateDir) {
        file = stateDir.resolve("groups");
    }

    /** Reads the groups of a state directory. */
    static GroupStore open(final Path stateDir) throws IOException {
        final var store = new GroupStore(stateDir);
        store.read();
        return store;
    }

    private void read() throws IOException {
        final var fresh = new TreeMap<String, Set<String>>();
        if (!Files.exists(file)) {
            fresh.put(ADMIN, new TreeSet<>(Set.of("admin")));
            members.clear();
            members.putAll(fresh);
            loaded = null;
            return;
        }
        final var modified = Files.getLastModifiedTime(file);
        int lineNo = 0;
        for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            final var colon = line.indexOf(':');
            final var group = colon < 0 ? "" : line.substring(0, colon).strip();
            if (!NAME.matcher(group).matches()) {
                throw new IOException(file + " line " + lineNo + " is not 'group: user user ...'");
            }
            final var users = fresh.computeIfAbsent(group, g -> new TreeSet<>());
            for (var user : line.substring(colon + 1).strip().split("\\s+")) {
                if (!user.isEmpty()) {
                    if (!NAME.matcher(user).matches()) {
                        throw new IOException(file + " line " + lineNo + ": '" + user + "' is not a user name");
                    }
                    users.add(user);
                }
            }
        }
        members.clear();
        members.putAll(fresh);
        loaded = modified;
    }

    /** Picks up groups changed by {@code --group} while the agent runs; a broken file keeps the old ones. */
    private void refresh() {
        try {
            final var now = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            if (now == null ? loaded != null : !now.equals(loaded)) {
                read();
            }
        } catch (IOException e) {
            LOG.warn("Cannot re-read {}: {}; the groups read before stay valid", file, e.getMessage());
        }
    }

    /** Whether a user is a member of a group. */
    public synchronized boolean isMember(final String user, final String group) {
        refresh();
        final var users = members.get(group);
        return user != null && users != null && users.contains(user);
    }

    /** Adds a user to a group (creating it) and saves the file. */
    public synchronized void add(final String user, final String group) throws IOException {
        if (!NAME.matcher(group).matches()) {
            throw new IllegalArgumentException("'" + group + "' is not a valid group name (letters, digits, _ . -)");
        }
        if (!NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("'" + user + "' is not a valid user name (letters, digits, _ . -)");
        }
        refresh();
        members.computeIfAbsent(group, g -> new TreeSet<>()).add(user);
        final var sb = new StringBuilder("# group: user user ... -- written by twamp-agent; members of '")
            .append(ADMIN).append("' have unrestricted access\n");
        members.forEach((name, users) -> sb.append(name).append(':')
            .append(users.stream().map(u -> " " + u).reduce("", String::concat)).append('\n'));
        AtomicFile.write(file, sb.toString().getBytes(StandardCharsets.UTF_8), false);
        loaded = Files.getLastModifiedTime(file);
    }
}
