/** Tests of the access rules on the real model. */
package net.twampagent.netconf.access;
