/**
 * Who may read and write which data: a small subset of NACM (RFC 8341). Members of the group {@code admin} have
 * the unrestricted access of RFC 8341's recovery session; everyone else is kept away from the nodes the model
 * marks {@code nacm:default-deny-all} (never read, never written) and {@code nacm:default-deny-write} (never
 * written). There are no rule lists: {@code /nacm} is not configurable.
 */
package net.twampagent.netconf.access;
