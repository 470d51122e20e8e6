package net.twampagent.dataplane.cli;

import java.io.PrintStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import net.twampagent.dataplane.client.PacketResult;
import net.twampagent.dataplane.client.SessionStatistics;
import net.twampagent.dataplane.client.Summary;

/** How {@code twamp-ping} writes what it measured: a line per packet, a summary per session, or JSON. */
final class PingReport {
    private PingReport() {
    }

    /** The result of one session, with its SID. */
    record SessionResult(int index, byte[] sid, int reflectorPort, SessionStatistics stats) {
    }

    static String packetLine(final int session, final PacketResult r) {
        return String.format(Locale.ROOT, "session=%d seq=%d rtt=%.3f ms residence=%.1f us fwd=%.3f ms bwd=%.3f ms"
            + " ttl=%d len=%d", session, r.senderSequence(), millis(r.roundTripNanos()),
            r.residenceNanos() / 1e3, millis(r.forwardNanos()), millis(r.backwardNanos()), r.senderTtl(),
            r.length());
    }

    static void summary(final PrintStream out, final String target, final SessionResult result) {
        final SessionStatistics s = result.stats();
        out.printf(Locale.ROOT, "--- %s session %d, reflector port %d, SID %s ---%n", target, result.index(),
            result.reflectorPort(), HexFormat.of().formatHex(result.sid()));
        out.printf(Locale.ROOT, "%d sent, %d received, %d lost (%.1f%%: %d forward, %d backward), %d duplicates,"
            + " %d reordered%n", s.sent(), s.received(), s.lost(), s.lossPercent(), s.forwardLost(),
            s.backwardLost(), s.duplicates(), s.reordered());
        if (s.received() == 0) {
            return;
        }
        out.println(line("round trip (ms)", s.roundTrip(), 1e6, "%.3f"));
        out.println(line("reflector residence (us)", s.residence(), 1e3, "%.1f"));
        final String sync = s.clocksSynchronized() ? "" : "  [reflector clock not synchronised]";
        out.println(line("one-way forward (ms)", s.forward(), 1e6, "%.3f") + sync);
        out.println(line("one-way backward (ms)", s.backward(), 1e6, "%.3f") + sync);
        out.printf(Locale.ROOT, "jitter (ms) %.3f%n", millis(s.jitterNanos()));
    }

    static void json(final PrintStream out, final String host, final int port, final List<SessionResult> results) {
        final StringBuilder b = new StringBuilder();
        b.append("{\"server\":{\"host\":").append(quote(host)).append(",\"port\":").append(port)
            .append("},\"sessions\":[");
        for (int i = 0; i < results.size(); i++) {
            final SessionResult r = results.get(i);
            final SessionStatistics s = r.stats();
            b.append(i == 0 ? "" : ",").append("{\"session\":").append(r.index())
                .append(",\"sid\":").append(quote(HexFormat.of().formatHex(r.sid())))
                .append(",\"reflector_port\":").append(r.reflectorPort())
                .append(",\"sent\":").append(s.sent()).append(",\"received\":").append(s.received())
                .append(",\"lost\":").append(s.lost()).append(",\"lost_forward\":").append(s.forwardLost())
                .append(",\"lost_backward\":").append(s.backwardLost())
                .append(",\"duplicates\":").append(s.duplicates()).append(",\"reordered\":").append(s.reordered())
                .append(",\"clocks_synchronized\":").append(s.clocksSynchronized())
                .append(",\"jitter_ns\":").append(s.jitterNanos())
                .append(",\"round_trip_ns\":").append(summaryJson(s.roundTrip()))
                .append(",\"residence_ns\":").append(summaryJson(s.residence()))
                .append(",\"forward_ns\":").append(summaryJson(s.forward()))
                .append(",\"backward_ns\":").append(summaryJson(s.backward())).append('}');
        }
        out.println(b.append("]}"));
    }

    private static String summaryJson(final Summary s) {
        return "{\"count\":" + s.count() + ",\"min\":" + s.min() + ",\"p50\":" + s.p50() + ",\"p90\":" + s.p90()
            + ",\"p99\":" + s.p99() + ",\"max\":" + s.max() + ",\"mean\":" + s.mean() + "}";
    }

    private static String line(final String name, final Summary s, final double unit, final String format) {
        final String f = format;
        return String.format(Locale.ROOT, "%-26s min/p50/p90/p99/max = " + f + "/" + f + "/" + f + "/" + f + "/"
            + f, name, s.min() / unit, s.p50() / unit, s.p90() / unit, s.p99() / unit, s.max() / unit);
    }

    private static double millis(final long nanos) {
        return nanos / 1e6;
    }

    private static String quote(final String text) {
        final StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
