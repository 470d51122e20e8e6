/**
 * The YANG model the agent serves, loaded once from the {@code yang} module's jar.
 */
package net.twampagent.netconf.model;
