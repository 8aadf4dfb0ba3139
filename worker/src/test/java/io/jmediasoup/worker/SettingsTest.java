package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import io.jmediasoup.worker.codec.JsonWorkerCodec;
import io.jmediasoup.channel.MediasoupTypeError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsTest {
    @Test
    void defaultsAreThoseOfTheCppWorker() {
        Settings settings = Settings.fromArgs(new String[0]);
        assertEquals(LogLevel.ERROR, settings.logLevel());
        assertEquals(EnumSet.noneOf(LogTag.class), settings.logTags());
        assertEquals(10000, settings.rtcMinPort());
        assertEquals(59999, settings.rtcMaxPort());
    }

    @Test
    void parsesWhatTheNodeLibraryPasses(@TempDir Path dir) throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");
        Settings settings = Settings.fromArgs(new String[] {
            "--logLevel=debug", "--logTag=info", "--logTag=ice", "--logTag=chicken", "--rtcMinPort=0",
            "--rtcMaxPort=9999", "--dtlsCertificateFile=" + cert, "--dtlsPrivateKeyFile=" + key});
        assertEquals(LogLevel.DEBUG, settings.logLevel());
        assertEquals(EnumSet.of(LogTag.INFO, LogTag.ICE), settings.logTags());
        assertEquals(0, settings.rtcMinPort());
        assertEquals(9999, settings.rtcMaxPort());
        assertEquals(cert, settings.dtlsCertificateFile());
        assertEquals(key, settings.dtlsPrivateKeyFile());
    }

    @Test
    void acceptsSingleDashesUpperCaseLevelsAndIgnoresPositionalArguments() {
        Settings settings = Settings.fromArgs(new String[] {"-logLevel=WARN", "positional", "--", "--logLevel=x"});
        assertEquals(LogLevel.WARN, settings.logLevel());
    }

    static Stream<Arguments> invalidCommandLines() {
        return Stream.of(
                Arguments.of(new String[] {"--logLevel=chicken"}, "invalid value 'chicken' for logLevel"),
                Arguments.of(new String[] {"--logLevel"}, "missing value for option 'logLevel' (expected --logLevel=VALUE)"),
                Arguments.of(new String[] {"--rtcMinPort=1000", "--rtcMaxPort=999"}, "rtcMaxPort cannot be less than rtcMinPort"),
                Arguments.of(new String[] {"--rtcMaxPort=65536"}, "rtcMaxPort must be a port from 0 to 65535, got 65536"),
                Arguments.of(new String[] {"--rtcMinPort=-1"}, "rtcMinPort must be a port from 0 to 65535, got -1"),
                Arguments.of(new String[] {"--rtcMinPort=ten"}, "invalid value 'ten' for rtcMinPort"),
                Arguments.of(new String[] {"--rtc=5"}, "ambiguous option 'rtc' (could be rtcMinPort, rtcMaxPort)"),
                Arguments.of(new String[] {"--chicken=5"}, "unknown option 'chicken'"),
                Arguments.of(new String[] {"--dtlsCertificateFile=/notfound/cert.pem"}, "missing dtlsPrivateKeyFile"),
                Arguments.of(new String[] {"--dtlsPrivateKeyFile=/notfound/priv.pem"}, "missing dtlsCertificateFile"),
                Arguments.of(new String[] {"--dtlsCertificateFile=/notfound/c", "--dtlsPrivateKeyFile=/notfound/k"},
                        "dtlsCertificateFile: file does not exist or is not a regular file: /notfound/c"));
    }

    @ParameterizedTest
    @MethodSource("invalidCommandLines")
    void rejectsInvalidCommandLinesWithATypeError(String[] args, String reason) {
        assertEquals(reason, assertThrows(MediasoupTypeError.class, () -> Settings.fromArgs(args)).getMessage());
    }

    @Test
    void updatesLevelAndTagsAndIgnoresWrongTypes() {
        Settings settings = Settings.fromArgs(new String[0]);
        settings.update(JsonWorkerCodec.updateSettings(JsonParser.parseString("{\"logLevel\":\"warn\",\"logTags\":[\"rtp\",5,\"nope\"]}").getAsJsonObject()));
        assertEquals(LogLevel.WARN, settings.logLevel());
        assertEquals(EnumSet.of(LogTag.RTP), settings.logTags());
        settings.update(JsonWorkerCodec.updateSettings(JsonParser.parseString("{\"logLevel\":3,\"logTags\":\"x\"}").getAsJsonObject()));
        assertEquals(LogLevel.WARN, settings.logLevel());
        assertEquals(EnumSet.of(LogTag.RTP), settings.logTags());
        assertThrows(MediasoupTypeError.class,
                () -> settings.update(JsonWorkerCodec.updateSettings(JsonParser.parseString("{\"logLevel\":\"loud\"}").getAsJsonObject())));
    }
}
