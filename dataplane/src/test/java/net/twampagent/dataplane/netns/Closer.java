package net.twampagent.dataplane.netns;

import java.util.ArrayList;
import java.util.List;

/** Closes everything a test set up, each one even when an earlier one fails, and reports every failure. */
public final class Closer {
    private Closer() {
    }

    /** Closes {@code resources} in order; nulls (never set up) are skipped. */
    public static void closeAll(AutoCloseable... resources) throws Exception {
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            Exception first = failures.removeFirst();
            failures.forEach(first::addSuppressed);
            throw first;
        }
    }
}
