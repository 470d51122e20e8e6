/**
 * The agent's command line: options, first-start set-up of the admin user, and a clean stop on SIGTERM.
 */
package net.twampagent.netconf.app;
