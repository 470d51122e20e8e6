package net.twampagent.dataplane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
    }

    private static String message(final String... args) {
        return assertThrows(UsageException.class, () -> PingOptions.parse(args)).getMessage();
    }
}
