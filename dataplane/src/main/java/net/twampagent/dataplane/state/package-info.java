/**
 * Immutable values the dataplane hands out: snapshots of its state (connections, sessions, counters) and the
 * events it publishes. Nothing here refers to a live object, so a caller may keep, compare or serialise them
 * freely, from any thread.
 */
package net.twampagent.dataplane.state;
