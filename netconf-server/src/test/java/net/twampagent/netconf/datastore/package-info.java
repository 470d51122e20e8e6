/**
 * Tests of the datastore layer's pieces on their own.
 */
package net.twampagent.netconf.datastore;
