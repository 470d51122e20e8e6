/**
 * The twamp-server YANG module and the IETF modules it imports, packaged as resources so that the agent, its
 * tests and outside tools all load the same text. {@link net.twampagent.yang.TwampServerModel} is the only way
 * in.
 */
package net.twampagent.yang;
