package net.twampagent.yang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where the twamp-server YANG module and its imports live on the class path, and how to read them.
 * Every other module loads the model through this class only, so a new import or revision is a change here
 * and nowhere else.
 */
public final class TwampServerModel {
    /** The module's name. */
    public static final String MODULE_NAME = "twamp-server";
    /** The module's XML namespace. */
    public static final String NAMESPACE = "urn:net:twampagent:yang:twamp-server";
    /** The module's revision date. */
    public static final String REVISION = "2026-11-26";
    /** The module's prefix, as the module itself declares it. */
    public static final String PREFIX = "tws";
    /** The feature that enables /twamp/server/light; not implemented yet, so the agent must not announce it. */
    public static final String FEATURE_LIGHT = "light";
    /** The class-path folder that holds every module, also the search path to give yanglint or pyang. */
    public static final String RESOURCE_FOLDER = "META-INF/yang/";

    private static final List<String> FILE_NAMES = List.of(
        MODULE_NAME + "@" + REVISION + ".yang",
        "ietf-inet-types@2013-07-15.yang",
        "ietf-yang-types@2013-07-15.yang",
        "ietf-netconf-acm@2018-02-14.yang");

    private TwampServerModel() {
    }

    /**
     * The class-path resource names (no leading slash) of every module the model needs, twamp-server first,
     * then its imports. Each file is named {@code module@revision.yang}.
     */
    public static List<String> resourceNames() {
        return FILE_NAMES.stream().map(name -> RESOURCE_FOLDER + name).toList();
    }

    /** The resource name of the twamp-server module itself. */
    public static String mainResourceName() {
        return RESOURCE_FOLDER + FILE_NAMES.getFirst();
    }

    /**
     * The text of one module, read from this jar.
     *
     * @param resourceName one of {@link #resourceNames()}
     * @throws IllegalArgumentException if the name is not one of them
     */
    public static String read(final String resourceName) {
        if (!resourceNames().contains(resourceName)) {
            throw new IllegalArgumentException(
                "not a module of the twamp-server model: " + resourceName + "; known: " + resourceNames());
        }
        try (InputStream in = TwampServerModel.class.getClassLoader().getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resourceName + " is missing from the twamp-yang jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourceName, e);
        }
    }
}
