package org.peakoningest.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON settings of the contract: unknown fields are ignored (a newer producer may add fields), absent optional
 * fields are left out, timestamps are strings (see {@link org.peakoningest.common.Timestamps}).
 */
public final class ContractJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private ContractJson() {}

    /** The shared, thread-safe mapper configured for the contract. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
