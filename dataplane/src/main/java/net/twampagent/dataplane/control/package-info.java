/**
 * The TWAMP-Control server on Netty (RFC 4656 §3, RFC 5357 §3): admission, framing of the fixed-size messages,
 * one state machine per connection, its timers, and the shared state they work on.
 *
 * <p>Every handler and the {@link net.twampagent.dataplane.control.ServerCore} run on ONE event loop thread, so
 * limits, counters and registries need no lock and a snapshot is consistent. The pipeline of a connection is
 * {@code AdmissionHandler -> ControlFrameDecoder -> ControlConnectionHandler}; the authenticated and encrypted
 * modes will add a cipher stage in front of the decoder (it works on 16-octet blocks, like every message) and an
 * HMAC check after it, without touching the state machine.
 */
package net.twampagent.dataplane.control;
