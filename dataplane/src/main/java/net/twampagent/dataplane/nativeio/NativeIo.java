package net.twampagent.dataplane.nativeio;

import java.lang.foreign.Arena;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether this JVM can use the native socket layer: Linux on x86-64 or aarch64 with native access enabled for
 * this code ({@code --enable-native-access}). Callers fall back to portable NIO when it cannot.
 */
public final class NativeIo {
    private static final String ARCH = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    private static final Optional<String> UNAVAILABLE = probe();

    private NativeIo() {
    }

    /** True when every class of this package can be used here. */
    public static boolean available() {
        return UNAVAILABLE.isEmpty();
    }

    /** Why the native layer cannot be used here, if it cannot. */
    public static Optional<String> unavailableReason() {
        return UNAVAILABLE;
    }

    static boolean isX86() {
        return ARCH.equals("amd64") || ARCH.equals("x86_64");
    }

    private static Optional<String> probe() {
        final String os = System.getProperty("os.name", "");
        if (!os.equals("Linux")) {
            return Optional.of("the native engine needs Linux, this is " + os);
        }
        if (!isX86() && !ARCH.equals("aarch64")) {
            return Optional.of("the native engine supports x86-64 and aarch64, this is " + ARCH);
        }
        if (!NativeIo.class.getModule().isNativeAccessEnabled()) {
            return Optional.of("native access is not enabled (start the JVM with --enable-native-access=ALL-UNNAMED)");
        }
        try (Arena arena = Arena.ofConfined()) {
            new NativeClock(arena).realtimeNanos();
            return Optional.empty();
        } catch (LinkageError | RuntimeException e) {
            return Optional.of("the C library cannot be linked: " + e);
        }
    }
}
