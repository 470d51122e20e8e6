/**
 * Tests of the YANG to dataplane mappers on documents parsed by yangtools' XML codec, with the published state
 * and notifications serialised back to XML and judged by libyang's yanglint.
 */
package net.twampagent.netconf.mapping;
