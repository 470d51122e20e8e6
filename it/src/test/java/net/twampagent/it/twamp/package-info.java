/**
 * The managed function end to end: what is committed over NETCONF is what the TWAMP server does, measured with
 * our TWAMP client library (and perfSONAR's twping where installed), and what it does is what {@code <get>}
 * publishes as YANG state.
 */
package net.twampagent.it.twamp;
