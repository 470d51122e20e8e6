package net.twampagent.netconf.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The groups file: admin is privileged from the start, members are added and read back, bad lines refused. */
class GroupStoreTest {
    @TempDir
    Path stateDir;

    @Test
    void adminIsInTheAdminGroupBeforeAnyFileExists() throws IOException {
        final var groups = GroupStore.open(stateDir);
        assertTrue(groups.isMember("admin", GroupStore.ADMIN));
        assertFalse(groups.isMember("ops", GroupStore.ADMIN));
        assertFalse(groups.isMember(null, GroupStore.ADMIN));
        assertFalse(Files.exists(stateDir.resolve("groups")), "reading writes nothing");
    }

    @Test
    void addedMembersAreSavedAndKeepAdmin() throws IOException {
        GroupStore.open(stateDir).add("ops", "operators");
        GroupStore.open(stateDir).add("alice", "admin");
        final var lines = Files.readAllLines(stateDir.resolve("groups")).stream()
            .filter(l -> !l.startsWith("#")).toList();
        assertEquals(java.util.List.of("admin: admin alice", "operators: ops"), lines);
        final var again = GroupStore.open(stateDir);
        assertTrue(again.isMember("alice", "admin") && again.isMember("admin", "admin"));
        assertTrue(again.isMember("ops", "operators"));
    }

    @Test
    void badNamesAndLinesAreRefusedByName() throws IOException {
        final var groups = GroupStore.open(stateDir);
        assertThrows(IllegalArgumentException.class, () -> groups.add("ops", "bad group"));
        assertThrows(IllegalArgumentException.class, () -> groups.add("../x", "admin"));
        Files.writeString(stateDir.resolve("groups"), "admin admin\n");
        final var e = assertThrows(IOException.class, () -> GroupStore.open(stateDir));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
