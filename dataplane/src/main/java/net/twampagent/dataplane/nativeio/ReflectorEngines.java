package net.twampagent.dataplane.nativeio;

import java.io.IOException;
import java.util.Locale;
import net.twampagent.dataplane.reflector.NioReflectorEngine;
import net.twampagent.dataplane.reflector.ReflectorEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the reflector engine: the FFM engine on Linux x86-64/aarch64 with native access enabled, the portable NIO
 * engine elsewhere. The system property {@value #PROPERTY} forces one: {@code nio}, {@code ffm} (fails where it
 * cannot run) or {@code auto} (the default).
 */
public final class ReflectorEngines {
    /** The system property that forces an engine. */
    public static final String PROPERTY = "twamp.reflector.engine";

    private static final Logger LOG = LoggerFactory.getLogger(ReflectorEngines.class);

    private ReflectorEngines() {
    }

    /** The engine the system property asks for (automatic when unset), one thread per core. */
    public static ReflectorEngine create() throws IOException {
        return create(System.getProperty(PROPERTY, "auto"), FfmEngineSettings.defaults());
    }

    /**
     * The engine {@code choice} names ({@code auto}, {@code ffm} or {@code nio}), with {@code settings} for FFM and
     * the same thread count for NIO.
     */
    public static ReflectorEngine create(final String choice, final FfmEngineSettings settings) throws IOException {
        switch (choice.trim().toLowerCase(Locale.ROOT)) {
            case "nio":
                return new NioReflectorEngine(settings.threads());
            case "ffm":
                return new FfmReflectorEngine(settings);
            case "auto":
                if (NativeIo.available()) {
                    return new FfmReflectorEngine(settings);
                }
                LOG.info("using the portable NIO reflector: {}", NativeIo.unavailableReason().orElse(""));
                return new NioReflectorEngine(settings.threads());
            default:
                throw new IllegalArgumentException("reflector engine '" + choice + "' is not one of auto, ffm, nio");
        }
    }
}
