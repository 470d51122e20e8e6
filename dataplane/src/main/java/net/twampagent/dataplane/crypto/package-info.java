/**
 * The cryptography of TWAMP's authenticated, encrypted and mixed modes (RFC 4656 §3.1, §4.1.2 and §6; RFC 5357
 * §3.1, §4.1.2 and §4.2.1; RFC 5618), byte-exact with perfSONAR owamp, the implementation by the RFCs' authors.
 *
 * <p>A connection uses it in this order:
 * <ol>
 *   <li>Set-Up-Response: the client makes {@link net.twampagent.dataplane.crypto.SessionKeys} and seals them
 *       with {@link net.twampagent.dataplane.crypto.SetupToken#seal}; the server opens the Token with
 *       {@link net.twampagent.dataplane.crypto.TokenVerifier#verify}, which answers only "yes, these keys" or
 *       "no", the same way and in the same time whether the KeyID is unknown or the secret wrong.</li>
 *   <li>From the last block of Server-Start on: one {@link net.twampagent.dataplane.crypto.ControlChannel} per
 *       connection, AES-CBC chained across messages in each direction, with the running truncated HMAC.</li>
 *   <li>Per accepted test session in modes 2 and 4: one
 *       {@link net.twampagent.dataplane.crypto.TestPacketProtection}, keyed from the SID, which seals and opens
 *       test packets in place without allocating.</li>
 * </ol>
 *
 * <p>Nothing here logs, and no secret, key or Token reaches a {@code toString} or an exception message. Objects
 * with cipher state belong to one connection or session and one thread at a time.
 */
package net.twampagent.dataplane.crypto;
