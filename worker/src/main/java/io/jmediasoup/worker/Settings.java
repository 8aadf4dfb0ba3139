package io.jmediasoup.worker;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.WorkerRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The worker's settings, from its command line ({@code --name=value}, as the Node library
 * passes them) and later from worker.updateSettings. Invalid settings are a
 * {@link MediasoupTypeError}: at start-up the process then exits with code 42.
 */
public final class Settings {
    /** The options of the C++ worker; like getopt_long_only, an unambiguous prefix names one. */
    private static final List<String> OPTIONS = List.of(
            "logLevel", "logTags", "rtcMinPort", "rtcMaxPort", "dtlsCertificateFile", "dtlsPrivateKeyFile");

    private LogLevel logLevel = LogLevel.ERROR;
    private Set<LogTag> logTags = EnumSet.noneOf(LogTag.class);
    private int rtcMinPort = 10000;
    private int rtcMaxPort = 59999;
    private Path dtlsCertificateFile;
    private Path dtlsPrivateKeyFile;

    /** Parses the command line; throws {@link MediasoupTypeError} on any invalid option. */
    public static Settings fromArgs(String[] args) {
        Settings settings = new Settings();
        List<String> tags = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                continue;
            }
            String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
            int equals = body.indexOf('=');
            String name = option(equals < 0 ? body : body.substring(0, equals));
            if (equals < 0) {
                throw new MediasoupTypeError("missing value for option '" + name + "' (expected --" + name + "=VALUE)");
            }
            String value = body.substring(equals + 1);
            switch (name) {
                case "logLevel":
                    settings.logLevel = LogLevel.parse(value);
                    break;
                case "logTags":
                    tags.add(value);
                    break;
                case "rtcMinPort":
                    settings.rtcMinPort = port(name, value);
                    break;
                case "rtcMaxPort":
                    settings.rtcMaxPort = port(name, value);
                    break;
                case "dtlsCertificateFile":
                    settings.dtlsCertificateFile = Path.of(value);
                    break;
                default:
                    settings.dtlsPrivateKeyFile = Path.of(value);
                    break;
            }
        }
        if (!tags.isEmpty()) {
            settings.logTags = LogTag.parseAll(tags);
        }
        if (settings.rtcMaxPort < settings.rtcMinPort) {
            throw new MediasoupTypeError("rtcMaxPort cannot be less than rtcMinPort");
        }
        settings.checkDtlsFiles();
        return settings;
    }

    private static String option(String given) {
        if (OPTIONS.contains(given)) {
            return given;
        }
        List<String> matches = new ArrayList<>();
        for (String option : OPTIONS) {
            if (!given.isEmpty() && option.startsWith(given)) {
                matches.add(option);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new MediasoupTypeError(matches.isEmpty()
                ? "unknown option '" + given + "'"
                : "ambiguous option '" + given + "' (could be " + String.join(", ", matches) + ")");
    }

    private static int port(String name, String value) {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new MediasoupTypeError("invalid value '" + value + "' for " + name);
        }
        if (port < 0 || port > 65535) {
            throw new MediasoupTypeError(name + " must be a port from 0 to 65535, got " + port);
        }
        return port;
    }

    private void checkDtlsFiles() {
        if (dtlsCertificateFile != null && dtlsPrivateKeyFile == null) {
            throw new MediasoupTypeError("missing dtlsPrivateKeyFile");
        }
        if (dtlsCertificateFile == null && dtlsPrivateKeyFile != null) {
            throw new MediasoupTypeError("missing dtlsCertificateFile");
        }
        if (dtlsCertificateFile != null) {
            checkReadable("dtlsCertificateFile", dtlsCertificateFile);
            checkReadable("dtlsPrivateKeyFile", dtlsPrivateKeyFile);
        }
    }

    private static void checkReadable(String name, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MediasoupTypeError(name + ": file does not exist or is not a regular file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new MediasoupTypeError(name + ": cannot read file: " + file);
        }
    }

    /** worker.updateSettings: each of the two settings given replaces the current one. */
    public void update(WorkerRequest.UpdateSettings update) {
        if (update.logLevel() != null) {
            logLevel = LogLevel.parse(update.logLevel());
        }
        if (update.logTags() != null) {
            logTags = LogTag.parseAll(update.logTags());
        }
    }

    public LogLevel logLevel() {
        return logLevel;
    }

    public Set<LogTag> logTags() {
        return Collections.unmodifiableSet(logTags);
    }

    public int rtcMinPort() {
        return rtcMinPort;
    }

    public int rtcMaxPort() {
        return rtcMaxPort;
    }

    /** Null when the worker generates its own certificate. */
    public Path dtlsCertificateFile() {
        return dtlsCertificateFile;
    }

    public Path dtlsPrivateKeyFile() {
        return dtlsPrivateKeyFile;
    }

    /** The lines the worker logs at start-up and after each update. */
    List<String> describe() {
        List<String> tagLabels = new ArrayList<>();
        for (LogTag tag : logTags) {
            tagLabels.add(tag.label());
        }
        List<String> lines = new ArrayList<>(List.of(
                "<configuration>",
                "  logLevel            : " + logLevel.label(),
                "  logTags             : " + String.join(",", tagLabels),
                "  rtcMinPort          : " + rtcMinPort,
                "  rtcMaxPort          : " + rtcMaxPort));
        if (dtlsCertificateFile != null) {
            lines.add("  dtlsCertificateFile : " + dtlsCertificateFile);
            lines.add("  dtlsPrivateKeyFile  : " + dtlsPrivateKeyFile);
        }
        lines.add("</configuration>");
        return lines;
    }
}
