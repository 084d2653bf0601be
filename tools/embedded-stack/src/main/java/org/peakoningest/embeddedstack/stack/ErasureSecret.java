package org.peakoningest.embeddedstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The {@code PEAKON_ERASURE_SECRET} of the embedded stack's fetchers: the environment's, else one made once per state
 * directory (256 random bits in hex, readable by its owner only) and kept there, so a crawl of a kept stack
 * ({@code --persist}) recognises the people {@code ./peakon-ingest erase} erased before. A real installation sets its
 * own secret (README, "Personal data").
 */
public final class ErasureSecret {

    public static final String VARIABLE = "PEAKON_ERASURE_SECRET";

    private ErasureSecret() {}

    public static String of(StackLayout layout, Map<String, String> environment) {
        String given = environment.get(VARIABLE);
        if (given != null && !given.isBlank()) {
            return given;
        }
        Path file = layout.erasureSecretFile();
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = HexFormat.of().formatHex(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // e.g. Windows: the state directory's own permissions apply
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
