/**
 * A TWAMP Control-Client and Session-Sender (RFC 5357 §3 and §4.1), unauthenticated mode: connect, request
 * sessions, start, send, stop, and the statistics of what came back (round trip, reflector residence time,
 * one-way figures, jitter, loss in each direction, duplicates, reordering). Used by the tests, by
 * {@code twamp-ping} and by anyone who wants to measure against a TWAMP server.
 */
package net.twampagent.dataplane.client;
