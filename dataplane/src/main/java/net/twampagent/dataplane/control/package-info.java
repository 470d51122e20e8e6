/**
 * The TWAMP-Control server on Netty (RFC 4656 §3, RFC 5357 §3): admission, framing of the fixed-size messages,
 * one state machine per connection, its timers, and the shared state they work on.
 *
 * <p>Every handler and the {@link net.twampagent.dataplane.control.ServerCore} run on ONE event loop thread, so
 * limits, counters and registries need no lock and a snapshot is consistent. The pipeline of a connection is
 * {@code AdmissionHandler -> ControlFrameDecoder -> ControlConnectionHandler}. In the authenticated, encrypted
 * and mixed modes the handler checks the Token of the Set-Up-Response (through the
 * {@link net.twampagent.dataplane.crypto.TokenVerifier} of the configuration in force), seals what it sends, and
 * hands the connection's {@link net.twampagent.dataplane.crypto.ControlChannel} to the decoder, which deciphers
 * and verifies every later message before the state machine sees it.
 */
package net.twampagent.dataplane.control;
