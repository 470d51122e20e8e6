/**
 * Tests of the TWAMP server in routing instances: real network namespaces made by the tests, our client running
 * inside them, the server's listeners and session sockets proven to be there.
 */
package net.twampagent.dataplane.instances;
