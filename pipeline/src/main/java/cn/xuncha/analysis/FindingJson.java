package cn.xuncha.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The wire format of {@link Finding} on the event bus: JSON with ISO times and base64 evidence. */
public final class FindingJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private FindingJson() {}

    public static String encode(Finding f) {
        try {
            return MAPPER.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode finding", e);
        }
    }

    public static Finding decode(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, Finding.class);
    }
}
