package io.jmediasoup.worker;

import java.util.Optional;

/**
 * The two generations of the Node library's channel this worker speaks, chosen by the
 * MEDIASOUP_VERSION the library spawns it with.
 */
public enum ChannelEra {
    /** mediasoup 3.8.x: netstring JSON, the channel on fds 3/4 and the payload channel on fds 5/6. */
    NETSTRING_JSON("3.8."),
    /** mediasoup 3.32.x: size-prefixed FlatBuffers messages on fds 3/4, no payload channel. */
    FLATBUFFERS("3.32.");

    /** Names the versions for the line a worker spawned by any other version prints. */
    public static final String SUPPORTED = "3.8.x (netstring JSON) and 3.32.x (FlatBuffers)";

    private final String versionPrefix;

    ChannelEra(String versionPrefix) {
        this.versionPrefix = versionPrefix;
    }

    /** The era of a mediasoup version such as "3.8.4", or empty for a version this worker does not speak. */
    public static Optional<ChannelEra> of(String mediasoupVersion) {
        for (ChannelEra era : values()) {
            String rest = mediasoupVersion.startsWith(era.versionPrefix)
                    ? mediasoupVersion.substring(era.versionPrefix.length())
                    : "";
            if (!rest.isEmpty() && rest.chars().allMatch(Character::isDigit)) {
                return Optional.of(era);
            }
        }
        return Optional.empty();
    }
}
