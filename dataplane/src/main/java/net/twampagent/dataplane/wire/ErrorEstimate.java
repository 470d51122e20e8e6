package net.twampagent.dataplane.wire;

/**
 * The 16-bit Error Estimate of RFC 4656 §4.1.2: {@code S | Z | Scale(6) | Multiplier(8)}, the estimate being
 * {@code Multiplier * 2^(Scale - 32)} seconds. A Multiplier of 0 marks a packet as corrupt, so no value made here
 * ever has one.
 */
public final class ErrorEstimate {
    /**
     * What a reflector that cannot see the clock's discipline sends: not synchronised, estimate one second
     * (Scale 32, Multiplier 1). Honest about not knowing, and still a valid estimate.
     */
    public static final short UNSYNCHRONIZED = of(false, 32, 1);

    private ErrorEstimate() {
    }

    /** The Error Estimate for a clock synchronised or not, with the given scale and non-zero multiplier. */
    public static short of(final boolean synced, final int scale, final int multiplier) {
        if (scale < 0 || scale > 63) {
            throw new IllegalArgumentException("Error Estimate scale " + scale + " is outside 0..63");
        }
        if (multiplier < 1 || multiplier > 255) {
            throw new IllegalArgumentException("Error Estimate multiplier " + multiplier + " is outside 1..255");
        }
        return (short) ((synced ? 0x8000 : 0) | scale << 8 | multiplier);
    }

    /** Whether the S bit (clock synchronised to UTC) is set. */
    public static boolean isSynchronized(final short estimate) {
        return (estimate & 0x8000) != 0;
    }

    /** The Scale field. */
    public static int scale(final short estimate) {
        return estimate >> 8 & 0x3F;
    }

    /** The Multiplier field; 0 means the packet carrying it is corrupt. */
    public static int multiplier(final short estimate) {
        return estimate & 0xFF;
    }

    /** The estimate in seconds. */
    public static double seconds(final short estimate) {
        return multiplier(estimate) * Math.scalb(1.0, scale(estimate) - 32);
    }
}
