package net.twampagent.netconf.auth;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import net.twampagent.netconf.persistence.AtomicFile;
import org.opendaylight.netconf.shaded.sshd.common.config.keys.AuthorizedKeyEntry;
import org.opendaylight.netconf.shaded.sshd.common.config.keys.KeyUtils;
import org.opendaylight.netconf.shaded.sshd.common.config.keys.PublicKeyEntryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's users: {@code users} in the state directory holds one {@code name:hash} line per user (only
 * salted PBKDF2 hashes, never a password), and {@code authorized_keys/NAME} holds a user's SSH public keys in
 * OpenSSH format. Their groups are in {@link GroupStore}.
 */
public final class UserStore {
    private static final Logger LOG = LoggerFactory.getLogger(UserStore.class);
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,31}");

    private final Path usersFile;
    private final Path keysDir;
    private final Map<String, String> hashes = new TreeMap<>();
    private GroupStore groups;
    private java.nio.file.attribute.FileTime loaded;

    private UserStore(final Path stateDir) {
        usersFile = stateDir.resolve("users");
        keysDir = stateDir.resolve("authorized_keys");
    }

    /** Reads the users of a state directory (none yet if the file does not exist). */
    public static UserStore open(final Path stateDir) throws IOException {
        final var store = new UserStore(requireNonNull(stateDir));
        store.read();
        store.groups = GroupStore.open(stateDir);
        return store;
    }

    private void read() throws IOException {
        if (!Files.exists(usersFile)) {
            return;
        }
        final var modified = Files.getLastModifiedTime(usersFile);
        final var fresh = new TreeMap<String, String>();
        int lineNo = 0;
        for (var line : Files.readAllLines(usersFile, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            final var colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException(usersFile + " line " + lineNo + " is not 'name:hash'");
            }
            fresh.put(line.substring(0, colon), line.substring(colon + 1));
        }
        hashes.clear();
        hashes.putAll(fresh);
        loaded = modified;
    }

    /** Picks up users changed by {@code --set-password} while the agent runs; a broken file keeps the old set. */
    private void refresh() {
        try {
            if (Files.exists(usersFile) && !Files.getLastModifiedTime(usersFile).equals(loaded)) {
                read();
            }
        } catch (IOException e) {
            LOG.warn("Cannot re-read {}: {}; the users read before stay valid", usersFile, e.getMessage());
        }
    }

    /** The users' groups, kept in the same state directory. */
    public GroupStore groups() {
        return groups;
    }

    public synchronized boolean isEmpty() {
        return hashes.isEmpty();
    }

    /** Sets a user's password (creating the user) and saves the file. */
    public synchronized void setPassword(final String user, final char[] password) throws IOException {
        if (!NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("'" + user + "' is not a valid user name (letters, digits, _ . -)");
        }
        if (password.length < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        hashes.put(user, PasswordHash.hash(password));
        final var sb = new StringBuilder("# user:pbkdf2-sha256$iterations$salt$hash -- written by twamp-agent\n");
        hashes.forEach((name, hash) -> sb.append(name).append(':').append(hash).append('\n'));
        AtomicFile.write(usersFile, sb.toString().getBytes(StandardCharsets.UTF_8), false);
        loaded = Files.getLastModifiedTime(usersFile);
        try {
            Files.setPosixFilePermissions(usersFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("No POSIX permissions here", e);
        }
    }

    /**
     * Creates {@code admin} with a random password when there is no user at all.
     *
     * @return the new password, to print once, or empty when users exist
     */
    public synchronized Optional<String> ensureAdmin() throws IOException {
        if (!hashes.isEmpty()) {
            return Optional.empty();
        }
        final var password = PasswordHash.randomPassword();
        setPassword("admin", password.toCharArray());
        return Optional.of(password);
    }

    public synchronized boolean checkPassword(final String user, final String password) {
        refresh();
        final var hash = hashes.get(user);
        final var ok = hash != null && PasswordHash.matches(password.toCharArray(), hash);
        if (!ok) {
            LOG.info("Password authentication failed for user '{}'", user);
        }
        return ok;
    }

    /** Whether {@code key} is one of the user's authorized keys. */
    public boolean checkKey(final String user, final PublicKey key) {
        if (!NAME.matcher(user).matches()) {
            return false;
        }
        final var file = keysDir.resolve(user);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            for (var entry : AuthorizedKeyEntry.readAuthorizedKeys(file)) {
                final var known = entry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
                if (known != null && KeyUtils.compareKeys(known, key)) {
                    return true;
                }
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            LOG.warn("Cannot read the authorized keys of '{}': {}", user, e.getMessage());
        }
        LOG.info("Public key authentication failed for user '{}'", user);
        return false;
    }
}
