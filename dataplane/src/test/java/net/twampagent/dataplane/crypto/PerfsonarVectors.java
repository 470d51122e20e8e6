package net.twampagent.dataplane.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.config.SharedSecret;

/**
 * One connection captured from perfSONAR twping and twampd: a resource under {@code crypto/} of {@code name = hex}
 * lines (how they were made is told at the top of each file).
 */
final class PerfsonarVectors {
    private final String name;
    private final Map<String, byte[]> values;

    private PerfsonarVectors(final String name, final Map<String, byte[]> values) {
        this.name = name;
        this.values = values;
    }

    static PerfsonarVectors load(final String name) {
        final Map<String, byte[]> values = new HashMap<>();
        try (InputStream in = PerfsonarVectors.class.getResourceAsStream("/crypto/" + name);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                final int equals = line.indexOf('=');
                final String hex = line.substring(equals + 1).trim();
                values.put(line.substring(0, equals).trim(), HexFormat.of().parseHex(hex));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PerfsonarVectors(name, values);
    }

    /** A fresh copy of a captured value. */
    byte[] get(final String key) {
        final byte[] value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException(name + " has no " + key);
        }
        return value.clone();
    }

    boolean has(final String key) {
        return values.containsKey(key);
    }

    byte[] part(final String key, final int from, final int to) {
        return Arrays.copyOfRange(get(key), from, to);
    }

    AuthMode mode() {
        return AuthMode.ofBit(get("mode")[3]);
    }

    String keyId() {
        return new String(get("keyid"), StandardCharsets.UTF_8);
    }

    SharedSecret secret() {
        return SharedSecret.ofBytes(get("passphrase"));
    }

    SessionKeys sessionKeys() {
        return SessionKeys.of(get("aes-session-key"), get("hmac-session-key"));
    }

    byte[] challenge() {
        return part("greeting", 16, 32);
    }

    byte[] salt() {
        return part("greeting", 32, 48);
    }

    int count() {
        final byte[] count = part("greeting", 48, 52);
        return (count[0] & 0xff) << 24 | (count[1] & 0xff) << 16 | (count[2] & 0xff) << 8 | count[3] & 0xff;
    }

    byte[] clientIv() {
        return part("setup-response", 148, 164);
    }

    byte[] serverIv() {
        return part("server-start", 16, 32);
    }

    @Override
    public String toString() {
        return name;
    }
}
