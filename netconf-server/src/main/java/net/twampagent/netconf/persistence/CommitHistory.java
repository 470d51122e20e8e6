package net.twampagent.netconf.persistence;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import net.twampagent.netconf.datastore.ConfigChangeListener;
import net.twampagent.netconf.datastore.ConfigDiff;
import net.twampagent.netconf.datastore.DataCodec;
import net.twampagent.netconf.rpc.ErrorPath;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last 50 changes of running, in {@code history/} of the state directory: {@code N.xml} holds running as it
 * was right after change N, and {@code index} one tab-separated line per change (id, time, session, reason, the
 * changed nodes). Recording is best effort: a full disk loses history, never a commit.
 */
public final class CommitHistory implements ConfigChangeListener {
    /** How many changes are kept. */
    public static final int SIZE = 50;

    /**
     * One change.
     *
     * @param id        its number
     * @param time      when it happened
     * @param sessionId which session made it (0: the agent)
     * @param user      the user of that session ("" for the agent itself or the test-only TCP listener)
     * @param reason    commit, confirmed-commit, edit, copy or rollback
     * @param changes   "operation path" of each changed node
     */
    public record Entry(long id, Instant time, long sessionId, String user, String reason, List<String> changes) {
        String toLine() {
            final var sb = new StringBuilder().append(id).append('\t').append(time).append('\t').append(sessionId)
                .append('\t').append(user).append('\t').append(reason);
            changes.forEach(c -> sb.append('\t').append(c.replace('\t', ' ').replace('\n', ' ')));
            return sb.toString();
        }

        static Entry parse(final String line) {
            final var f = line.split("\t");
            return new Entry(Long.parseLong(f[0]), Instant.parse(f[1]), Long.parseLong(f[2]), f[3], f[4],
                List.of(Arrays.copyOfRange(f, 5, f.length)));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CommitHistory.class);

    private final Path dir;
    private final DataCodec codec;
    private final LongFunction<String> usernames;
    private final Deque<Entry> entries = new ArrayDeque<>();

    private CommitHistory(final Path dir, final DataCodec codec, final LongFunction<String> usernames) {
        this.dir = dir;
        this.codec = codec;
        this.usernames = usernames;
    }

    /**
     * Opens the history of a state directory; an unreadable index starts a new history (and says so).
     *
     * @param usernames the user of a session, or {@code null} when it has none
     */
    public static CommitHistory open(final Path stateDir, final DataCodec codec,
            final LongFunction<String> usernames) {
        final var history = new CommitHistory(requireNonNull(stateDir).resolve("history"), requireNonNull(codec),
            requireNonNull(usernames));
        final var index = history.dir.resolve("index");
        if (Files.exists(index)) {
            try {
                for (var line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        history.entries.addFirst(Entry.parse(line));
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("The commit history in {} cannot be read ({}); it starts again", index, e.getMessage());
                history.entries.clear();
            }
        }
        return history;
    }

    /** Newest first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The configuration saved right after a change, if it is still kept. */
    public synchronized Optional<ConfigFile> configAfter(final long id) {
        if (entries.stream().noneMatch(e -> e.id() == id)) {
            return Optional.empty();
        }
        return Optional.of(new ConfigFile(dir.resolve(id + ".xml"), codec, false));
    }

    @Override
    public synchronized void onRunningChanged(final ContainerNode before, final ContainerNode after,
            final long sessionId, final String reason) {
        final long id = entries.isEmpty() ? 1 : entries.peekFirst().id() + 1;
        final var changes = new ArrayList<String>();
        for (var edit : ConfigDiff.between(codec.context(), before, after)) {
            changes.add(edit.operation() + ' ' + ErrorPath.of(codec.context(), edit.path()).xpath());
        }
        final var user = sessionId == 0 ? null : usernames.apply(sessionId);
        final var entry = new Entry(id, Instant.now(), sessionId, user == null ? "" : user, reason, changes);
        try {
            new ConfigFile(dir.resolve(id + ".xml"), codec, false).save(after);
            entries.addFirst(entry);
            while (entries.size() > SIZE) {
                Files.deleteIfExists(dir.resolve(entries.removeLast().id() + ".xml"));
            }
            final var sb = new StringBuilder();
            entries.descendingIterator().forEachRemaining(e -> sb.append(e.toLine()).append('\n'));
            AtomicFile.write(dir.resolve("index"), sb.toString().getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            LOG.error("Change {} of running could not be added to the commit history: {}", id, e.getMessage());
        }
    }
}
