/**
 * {@code twamp-ping}: the command line of the TWAMP client, in the manner of perfSONAR's twping (count, interval,
 * padding, DSCP, sessions, per-packet lines or a summary, JSON).
 */
package net.twampagent.dataplane.cli;
