/** Tests of the validator, judged against yanglint. */
package net.twampagent.netconf.validation;
