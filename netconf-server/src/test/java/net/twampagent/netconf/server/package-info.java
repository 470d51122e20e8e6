/**
 * Tests of the whole agent over real sockets: a small NETCONF client over TCP and SSH against agents started in
 * temporary state directories.
 */
package net.twampagent.netconf.server;
