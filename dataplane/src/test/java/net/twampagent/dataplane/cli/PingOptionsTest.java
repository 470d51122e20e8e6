package net.twampagent.dataplane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import net.twampagent.dataplane.config.AuthMode;
import org.junit.jupiter.api.Test;

class PingOptionsTest {
    @Test
    void hostsPortsAndDefaults() throws Exception {
        final PingOptions plain = PingOptions.parse(new String[] {"example.net"});
        assertEquals("example.net", plain.host());
        assertEquals(862, plain.port());
        assertEquals(100, plain.count());
        assertEquals(Duration.ofMillis(100), plain.interval());
        assertEquals(27, plain.padding());
        assertEquals(9999, PingOptions.parse(new String[] {"127.0.0.1:9999"}).port());
        final PingOptions v6 = PingOptions.parse(new String[] {"[::1]:4000"});
        assertEquals("::1", v6.host());
        assertEquals(4000, v6.port());
        assertEquals("2001:db8::1", PingOptions.parse(new String[] {"2001:db8::1"}).host(), "bare IPv6, port 862");
    }

    @Test
    void everyOption() throws Exception {
        final PingOptions o = PingOptions.parse(new String[] {"-c", "5", "-i", "0.0012", "--padding", "100",
            "--dscp", "46", "--sessions", "3", "--port", "20001", "--wait", "0.5", "--timeout", "3", "-q", "--json",
            "h"});
        assertEquals(5, o.count());
        assertEquals(Duration.ofNanos(1_200_000), o.interval());
        assertEquals(100, o.padding());
        assertEquals(46, o.dscp());
        assertEquals(3, o.sessions());
        assertEquals(20001, o.receiverPort());
        assertEquals(Duration.ofMillis(500), o.lateWait());
        assertEquals(Duration.ofSeconds(3), o.timeout());
        assertTrue(o.quiet() && o.json());
        assertTrue(PingOptions.parse(new String[] {"--help"}).help());
    }

    @Test
    void securityModesAndTheirDefaultPadding() throws Exception {
        final PingOptions encrypted = PingOptions.parse(new String[] {"--mode", "encrypted", "--key-id", "alice",
            "--secret-file", "k.pfs", "h"});
        assertEquals(AuthMode.ENCRYPTED, encrypted.mode());
        assertEquals("alice", encrypted.keyId());
        assertEquals(Path.of("k.pfs"), encrypted.secretFile());
        assertEquals(64, encrypted.padding(), "112 octets both ways");
        assertEquals(64, PingOptions.parse(new String[] {"--mode", "authenticated", "--secret-file", "k", "h"})
            .padding());
        final PingOptions mixed = PingOptions.parse(new String[] {"--mode", "mixed", "--secret-file", "k", "h"});
        assertEquals(AuthMode.CONTROL_ONLY_ENCRYPTED, mixed.mode());
        assertEquals(27, mixed.padding(), "test packets in clear: 41 octets both ways");
        assertEquals(0, PingOptions.parse(new String[] {"--mode", "encrypted", "--secret-file", "k", "--padding", "0",
            "h"}).padding());
        assertEquals(AuthMode.NONE, PingOptions.parse(new String[] {"--mode", "none", "h"}).mode());
    }

    @Test
    void badArgumentsSayWhich() {
        assertEquals("-c: 'x' is not a whole number", message("-c", "x", "h"));
        assertEquals("--dscp: 64 is outside 0..63", message("--dscp", "64", "h"));
        assertEquals("-i: -1 seconds is outside 0..86400", message("-i", "-1", "h"));
        assertEquals("--timeout: 0 seconds is outside (0..86400", message("--timeout", "0", "h"));
        assertEquals("HOST[:PORT] is missing", message("-c", "3"));
        assertEquals("unknown option --bogus", message("--bogus", "h"));
        assertEquals("PORT: 70000 is outside 1..65535", message("h:70000"));
        assertEquals("--port needs a value", message("h", "--port"));
        assertEquals("one HOST[:PORT] only, got a and b", message("a", "b"));
        assertEquals("--mode authenticated needs --secret-file", message("--mode", "authenticated", "h"));
        assertEquals("--key-id and --secret-file need --mode authenticated, encrypted or mixed",
            message("--secret-file", "k", "h"));
    }

    private static String message(final String... args) {
        return assertThrows(UsageException.class, () -> PingOptions.parse(args)).getMessage();
    }
}
