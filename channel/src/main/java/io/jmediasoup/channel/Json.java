package io.jmediasoup.channel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Strict JSON decoding of a frame: one object, nothing after it; anything else is a {@link MalformedMessageException}. */
public final class Json {
    private Json() {}

    public static JsonObject parseObject(ByteBuf frame) {
        try (JsonReader reader = new JsonReader(
                new InputStreamReader(new ByteBufInputStream(frame.duplicate()), StandardCharsets.UTF_8))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedMessageException("JSON parsing error: trailing data");
            }
            if (!element.isJsonObject()) {
                throw new MalformedMessageException("JSON parsing error: not an object");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException | IOException | IllegalStateException error) {
            throw new MalformedMessageException("JSON parsing error: " + error.getMessage());
        }
    }
}
