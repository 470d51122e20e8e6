package net.twampagent.netconf.model;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.twampagent.yang.TwampServerModel;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.api.stmt.FeatureSet;
import org.opendaylight.yangtools.yang.model.spi.source.StringYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/**
 * The YANG model the agent serves: the effective model plus the text of every module, which the hello, get-schema
 * and yang-library need verbatim.
 *
 * @param context the effective model
 * @param texts   module source by identifier (name and revision)
 */
public record AgentModel(EffectiveModelContext context, Map<SourceIdentifier, String> texts) {
    public AgentModel {
        requireNonNull(context, "context");
        texts = Map.copyOf(texts);
    }

    /**
     * The protocol's own modules, read from the IETF model jars ODL ships: monitoring (get-schema, schema list),
     * yang-library and the datastore identities it uses, the notification modules (RFC 5277, RFC 6470), and
     * the agent's own operations (commit history) from this module's jar.
     */
    private static final List<String> PROTOCOL_MODULES = List.of(
        "ietf-netconf-monitoring@2010-10-04.yang", "ietf-yang-library@2019-01-04.yang",
        "ietf-datastores@2018-02-14.yang", "ietf-netconf-notifications@2012-02-06.yang",
        "ietf-netconf@2011-06-01.yang", "notifications@2008-07-14.yang", "twamp-agent-netconf@2026-11-26.yang");

    private static final String NACM = "ietf-netconf-acm";

    /**
     * Loads the twamp-server model, plus the protocol's modules, with no optional feature: {@code light} is not
     * implemented, so its nodes must be refused rather than silently accepted.
     */
    public static AgentModel twampServer() {
        final var texts = new LinkedHashMap<String, String>();
        for (var resource : TwampServerModel.resourceNames()) {
            texts.put(resource.substring(resource.lastIndexOf('/') + 1), TwampServerModel.read(resource));
        }
        for (var file : PROTOCOL_MODULES) {
            texts.put(file, readResource("META-INF/yang/" + file));
        }
        return parse(texts);
    }

    private static String readResource(final String name) {
        try (var in = AgentModel.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path (an ODL model jar)");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + name, e);
        }
    }

    /**
     * Parses modules given as file name ({@code name@revision.yang}) to text.
     *
     * @throws IllegalArgumentException when the modules do not form a valid model
     */
    public static AgentModel parse(final Map<String, String> filesToText) {
        final var parser = new DefaultYangParserFactory().createParser();
        parser.setSupportedFeatures(FeatureSet.of());
        final var texts = new LinkedHashMap<SourceIdentifier, String>();
        try {
            for (var file : filesToText.entrySet()) {
                final var id = SourceIdentifier.ofYangFileName(file.getKey());
                texts.put(id, file.getValue());
                final var parsed = NACM.equals(id.name().getLocalName()) ? importOnlyNacm(file.getValue())
                    : file.getValue();
                parser.addSource(new StringYangTextSource(id, parsed));
            }
            return new AgentModel(parser.buildEffectiveModel(), texts);
        } catch (IOException | YangParserException e) {
            throw new IllegalArgumentException("the YANG model does not load: " + e.getMessage(), e);
        }
    }

    /**
     * ietf-netconf-acm as an import-only module: twamp-server imports it for its {@code default-deny-all} mark, but
     * the agent's access rules are fixed (net.twampagent.netconf.access), so {@code /nacm} is not implemented and
     * must not be configurable. yangtools has no import-only mode, so the model is built without the container,
     * which RFC 8341 puts last in the module; get-schema still serves the module's own text.
     */
    private static String importOnlyNacm(final String text) {
        final var start = text.indexOf("\n  container nacm {");
        if (start < 0) {
            throw new IllegalArgumentException(NACM + " has no /nacm container where RFC 8341 puts it");
        }
        return text.substring(0, start) + "\n}\n";
    }

    /**
     * The text of one module, as get-schema asks for it.
     *
     * @param name     module name
     * @param revision revision, or empty for the only one loaded
     */
    public Optional<String> moduleText(final String name, final Optional<String> revision) {
        return texts.entrySet().stream()
            .filter(e -> e.getKey().name().getLocalName().equals(name))
            .filter(e -> revision.isEmpty() || e.getKey().revision() != null
                && e.getKey().revision().toString().equals(revision.orElseThrow()))
            .map(Map.Entry::getValue)
            .findFirst();
    }
}
