/**
 * The configuration datastores: running and one shared candidate on yangtools data trees, locks, edit-config
 * semantics, validation, the commit pipeline with its participants, confirmed commit, with-defaults and the
 * composition of live state.
 */
package net.twampagent.netconf.datastore;
