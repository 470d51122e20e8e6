/**
 * What survives a restart: the running configuration, written atomically with the previous good copy kept.
 */
package net.twampagent.netconf.persistence;
