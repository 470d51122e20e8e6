/**
 * The NETCONF side of the agent as real outside clients meet it: Debian's python3-ncclient scenarios (hello,
 * candidate/validate/commit, with-defaults, locks, bad values, confirmed commit, discard-changes, kill-session),
 * every reply they read validated by yanglint, and a yangcli smoke test.
 */
package net.twampagent.it.netconf;
