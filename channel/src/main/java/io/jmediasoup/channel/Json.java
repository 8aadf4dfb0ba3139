package io.jmediasoup.channel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** Strict JSON decoding of a frame: one object, nothing after it; anything else is a {@link MalformedMessageException}. */
public final class Json {
    private Json() {}

    public static JsonObject parseObject(ByteBuf frame) {
        // A String costs less than a stream decoder over the frame (whose buffer alone is 8 KB).
        try (JsonReader reader = new JsonReader(new StringReader(frame.toString(StandardCharsets.UTF_8)))) {
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
