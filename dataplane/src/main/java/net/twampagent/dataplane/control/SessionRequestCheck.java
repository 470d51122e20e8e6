package net.twampagent.dataplane.control;

import net.twampagent.dataplane.wire.RequestTwSession;
import net.twampagent.dataplane.wire.TestPacketLayout;

/** The rules of RFC 5357 §3.5 a Request-TW-Session must follow before any resource is spent on it. */
final class SessionRequestCheck {
    private static final long MAX_PADDING = TestPacketLayout.MAX_DATAGRAM - TestPacketLayout.SENDER_MINIMUM;

    private SessionRequestCheck() {
    }

    /** What is wrong with the request, or null when it is well-formed. */
    static String problem(final RequestTwSession request) {
        if (request.ipvn() != 4 && request.ipvn() != 6) {
            return "IPVN " + request.ipvn() + " is neither 4 nor 6";
        }
        if (request.confSender() != 0 || request.confReceiver() != 0) {
            return "Conf-Sender " + request.confSender() + " / Conf-Receiver " + request.confReceiver()
                + " must both be 0 in TWAMP";
        }
        if (request.slots() != 0 || request.packets() != 0) {
            return "Number of Schedule Slots " + request.slots() + " / Packets " + request.packets()
                + " must both be 0 in TWAMP";
        }
        if (!request.sidIsZero()) {
            return "the SID of a request must be 0 (the server makes it)";
        }
        if (!request.typePIsDscp()) {
            return String.format("Type-P Descriptor 0x%08x is not a DSCP", request.typeP());
        }
        if (request.paddingLength() > MAX_PADDING) {
            return "Padding Length " + request.paddingLength() + " exceeds a datagram (" + MAX_PADDING + ")";
        }
        if (request.senderPort() == 0) {
            return "Sender Port 0";
        }
        return null;
    }
}
