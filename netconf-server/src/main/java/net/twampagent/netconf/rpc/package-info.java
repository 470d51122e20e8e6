/**
 * NETCONF replies and errors: one model of an {@code <rpc-error>} with every RFC 6241 field, and the code that
 * writes it, so every operation reports failures the same way.
 */
package net.twampagent.netconf.rpc;
