package org.peakoningest.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.peakoningest.common.json.ContractJson;
import tools.jackson.databind.JsonNode;

/** Reads the golden files under {@code src/test/resources/golden}. */
public final class Golden {

    private Golden() {}

    public static String text(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String name) {
        return ContractJson.mapper().readTree(text(name));
    }
}
