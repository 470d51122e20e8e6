package net.twampagent.dataplane.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import net.twampagent.dataplane.config.SharedSecret;

/**
 * The secret behind {@code --secret-file}: either perfSONAR's key file (what {@code twping -k} and twampd's
 * {@code .pfs} read: lines of {@code KEYID HEX}, the secret being the decoded octets) or a file whose first line is
 * the pass-phrase. The file is perfSONAR's format when every line that is not blank or a {@code #} comment has
 * that form. Messages never quote the secret.
 *
 * @param keyId the KeyID to send
 * @param secret its secret
 */
record SecretFile(String keyId, SharedSecret secret) {
    private static final Pattern PFS_LINE = Pattern.compile("(\\S+)\\s+((?:[0-9A-Fa-f]{2})+)");

    /**
     * Reads {@code file}; {@code keyId} picks a line of a key file (null: the first), and is required with a
     * pass-phrase file.
     */
    static SecretFile read(final Path file, final String keyId) throws UsageException {
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("--secret-file: cannot read " + file + ": " + e.getMessage());
        }
        final List<String> meaningful = lines.stream().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (meaningful.isEmpty()) {
            throw new UsageException("--secret-file: " + file + " holds no secret");
        }
        if (meaningful.stream().allMatch(l -> PFS_LINE.matcher(l).matches())) {
            for (String line : meaningful) {
                final var matcher = PFS_LINE.matcher(line);
                if (matcher.matches() && (keyId == null || keyId.equals(matcher.group(1)))) {
                    return new SecretFile(matcher.group(1),
                        SharedSecret.ofBytes(HexFormat.of().parseHex(matcher.group(2))));
                }
            }
            throw new UsageException("--secret-file: " + file + " has no line for KeyID " + keyId);
        }
        if (keyId == null) {
            throw new UsageException("--key-id is needed with a pass-phrase file (" + file + ")");
        }
        return new SecretFile(keyId, SharedSecret.ofPassphrase(lines.getFirst()));
    }

    @Override
    public String toString() {
        return "SecretFile[keyId=" + keyId + ", secret=redacted]";
    }
}
