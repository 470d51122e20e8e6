/**
 * NETCONF notifications (RFC 5277): the event stream, subscriptions, and the RFC 6470 configuration-change
 * events the agent publishes.
 */
package net.twampagent.netconf.notifications;
