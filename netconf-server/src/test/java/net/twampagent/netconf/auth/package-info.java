/** Tests of the users' and groups' files. */
package net.twampagent.netconf.auth;
