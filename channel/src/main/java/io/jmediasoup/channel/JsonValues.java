package io.jmediasoup.channel;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * Type checks on JSON values with the meaning the C++ worker's JSON library gives them: an
 * integer is a number written without fraction or exponent.
 */
public final class JsonValues {
    private JsonValues() {}

    /** An integer literal that is zero or more (what the C++ worker calls a positive integer). */
    public static boolean isPositiveInteger(JsonElement value) {
        Long integer = integer(value);
        return integer != null && integer >= 0;
    }

    /** An integer literal of any sign. */
    public static boolean isInteger(JsonElement value) {
        return integer(value) != null;
    }

    public static boolean isNumber(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
    }

    public static boolean isString(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    public static boolean isBoolean(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
    }

    private static Long integer(JsonElement value) {
        if (!isNumber(value)) {
            return null;
        }
        JsonPrimitive number = value.getAsJsonPrimitive();
        try {
            return Long.parseLong(number.getAsString());
        } catch (NumberFormatException notAnIntegerLiteral) {
            return null;
        }
    }
}
