/**
 * What the end-to-end tests stand on: the agent started as a user starts it ({@code bin/twamp-agent} on a
 * temporary state directory and free ports), outside programs run with a bound on their time, and the ncclient
 * scenario scripts run against a started agent. Nothing here imitates a part of the agent.
 */
package net.twampagent.it.harness;
