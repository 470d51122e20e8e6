package net.twampagent.netconf.server;

import java.util.HashSet;
import java.util.Set;
import net.twampagent.netconf.model.AgentModel;
import org.opendaylight.netconf.api.CapabilityURN;
import org.opendaylight.netconf.server.api.monitoring.BasicCapability;
import org.opendaylight.netconf.server.api.monitoring.Capability;
import org.opendaylight.netconf.server.api.monitoring.YangModuleCapability;

/**
 * The capabilities the hello announces: exactly what works. No :url (copy-config to a file on the server's disk
 * is refused), no :xpath (subtree filters only), no :startup (running is saved on every commit instead).
 */
final class AgentCapabilities {
    /** RFC 6243: stored values are what clients set; report-all and trim on request. */
    static final String WITH_DEFAULTS =
        "urn:ietf:params:netconf:capability:with-defaults:1.0?basic-mode=explicit&also-supported=report-all,trim";

    private AgentCapabilities() {
    }

    static Set<Capability> of(final AgentModel model, final String yangLibraryContentId) {
        final var caps = new HashSet<Capability>();
        caps.add(new BasicCapability(CapabilityURN.YANG_LIBRARY_1_1 + "?revision=2019-01-04&content-id="
            + yangLibraryContentId));
        caps.add(new BasicCapability(CapabilityURN.YANG_LIBRARY + "?revision=2019-01-04&module-set-id="
            + yangLibraryContentId));
        for (var uri : new String[] {
            CapabilityURN.CANDIDATE, CapabilityURN.WRITABLE_RUNNING, CapabilityURN.VALIDATE,
            CapabilityURN.VALIDATE_1_1, CapabilityURN.CONFIRMED_COMMIT, CapabilityURN.CONFIRMED_COMMIT_1_1,
            CapabilityURN.ROLLBACK_ON_ERROR, WITH_DEFAULTS}) {
            caps.add(new BasicCapability(uri));
        }
        for (var module : model.context().getModules()) {
            final var revision = module.getRevision().map(Object::toString).orElse(null);
            final var text = model.moduleText(module.getName(), java.util.Optional.ofNullable(revision)).orElse(null);
            caps.add(new YangModuleCapability(module.getNamespace().toString(), module.getName(), revision, text));
        }
        return caps;
    }
}
