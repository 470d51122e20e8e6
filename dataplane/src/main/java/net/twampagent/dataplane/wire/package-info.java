/**
 * Byte layouts of TWAMP (RFC 5357, reusing RFC 4656): the fixed-size TWAMP-Control messages, the TWAMP-Test
 * packet offsets, NTP timestamps and the Error Estimate. Pure values and codecs with no I/O, so the server, the
 * client and the tests share one definition of every octet.
 *
 * <p>Every control message after the Set-Up-Response is a whole number of 16-octet blocks, and every message
 * that carries an HMAC field has it as its last block. In unauthenticated mode the HMAC is sent as zeros and ignored on receipt; the
 * authenticated and encrypted modes will add a cipher stage that works on these same blocks without changing the
 * codecs.
 */
package net.twampagent.dataplane.wire;
