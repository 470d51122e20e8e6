/**
 * The agent stopped (SIGTERM) or killed (SIGKILL) and started again on the same state directory: what was
 * committed is what runs afterwards.
 */
package net.twampagent.it.restart;
