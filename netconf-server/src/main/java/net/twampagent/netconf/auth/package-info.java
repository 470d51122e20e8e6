/**
 * Who may open a NETCONF session: users with salted password hashes and SSH public keys, kept in the state
 * directory.
 */
package net.twampagent.netconf.auth;
