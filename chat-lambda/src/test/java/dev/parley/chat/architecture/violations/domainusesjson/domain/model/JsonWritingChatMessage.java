package dev.parley.chat.architecture.violations.domainusesjson.domain.model;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Map;

/** Breaks "the domain depends only on the JDK": a model that writes its own JSON. */
public record JsonWritingChatMessage(String text) {

    public String toJson() throws IOException {
        return JSON.std.asString(Map.of("text", text));
    }
}
