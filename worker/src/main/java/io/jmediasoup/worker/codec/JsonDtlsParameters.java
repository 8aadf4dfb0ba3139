package io.jmediasoup.worker.codec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.dtls.DtlsFingerprint;
import java.util.Set;

/** mediasoup 3.8's dtlsParameters of transport.connect, validated as its C++ worker does. */
final class JsonDtlsParameters {
    private static final Set<String> ROLES = Set.of("auto", "client", "server");

    private JsonDtlsParameters() {}

    /** The first fingerprint of dtlsParameters.fingerprints, the one mediasoup verifies. */
    static DtlsFingerprint fingerprint(JsonObject dtlsParameters) {
        JsonElement fingerprints = dtlsParameters.get("fingerprints");
        if (fingerprints == null || !fingerprints.isJsonArray()) {
            throw new MediasoupTypeError("missing dtlsParameters.fingerprints");
        }
        if (fingerprints.getAsJsonArray().isEmpty()) {
            throw new MediasoupTypeError("empty dtlsParameters.fingerprints array");
        }
        JsonElement first = fingerprints.getAsJsonArray().get(0);
        if (!first.isJsonObject()) {
            throw new MediasoupTypeError("wrong entry in dtlsParameters.fingerprints (not an object)");
        }
        JsonElement algorithm = first.getAsJsonObject().get("algorithm");
        if (algorithm == null) {
            throw new MediasoupTypeError("missing fingerprint.algorithm");
        }
        if (!JsonValues.isString(algorithm)) {
            throw new MediasoupTypeError("wrong fingerprint.algorithm (not a string)");
        }
        if (!DtlsFingerprint.isKnownAlgorithm(algorithm.getAsString())) {
            throw new MediasoupTypeError("invalid fingerprint.algorithm value");
        }
        JsonElement value = first.getAsJsonObject().get("value");
        if (value == null) {
            throw new MediasoupTypeError("missing fingerprint.value");
        }
        if (!JsonValues.isString(value)) {
            throw new MediasoupTypeError("wrong fingerprint.value (not a string)");
        }
        return new DtlsFingerprint(algorithm.getAsString(), value.getAsString());
    }

    /** dtlsParameters.role, "auto" when absent. */
    static String role(JsonObject dtlsParameters) {
        JsonElement role = dtlsParameters.get("role");
        if (role == null) {
            return "auto";
        }
        if (!JsonValues.isString(role)) {
            throw new MediasoupTypeError("wrong dtlsParameters.role (not a string)");
        }
        if (!ROLES.contains(role.getAsString())) {
            throw new MediasoupTypeError("invalid dtlsParameters.role value");
        }
        return role.getAsString();
    }
}
