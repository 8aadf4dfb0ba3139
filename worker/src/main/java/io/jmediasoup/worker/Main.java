package io.jmediasoup.worker;

import io.jmediasoup.channel.MediasoupTypeError;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The mediasoup-worker process, spawned by the Node library: for mediasoup 3.8 with the
 * channel on fds 3/4 and the payload channel on fds 5/6, for 3.32 with its FlatBuffers
 * channel on fds 3/4 (see {@link ChannelEra}). Exit codes follow the C++ worker: 42 for invalid settings,
 * 1 for any other failure to start, 0 after a clean close.
 */
public final class Main {
    private static final int EXIT_SETTINGS_ERROR = 42;
    /** The C++ worker's code for a missing MEDIASOUP_VERSION; an unknown one is as unusable. */
    private static final int EXIT_UNSUPPORTED_VERSION = 41;

    private Main() {}

    public static void main(String[] args) {
        // Before any Netty class loads: pooled direct buffers (4.2 defaults to its adaptive
        // allocator), and no JFR event registration, which costs ~80 ms of start-up.
        System.setProperty("io.netty.allocator.type", System.getProperty("io.netty.allocator.type", "pooled"));
        System.setProperty("io.netty.jfr.enabled", System.getProperty("io.netty.jfr.enabled", "false"));
        // Pool chunks of 512 KiB rather than 4 MiB: a chunk is zeroed, so resident, when it is
        // made, and an idle worker holds one; datagrams and channel messages fit it all the same.
        System.setProperty("io.netty.allocator.maxOrder", System.getProperty("io.netty.allocator.maxOrder", "6"));
        String version = System.getenv("MEDIASOUP_VERSION");
        if (version == null) {
            System.err.println("mediasoup-worker: MEDIASOUP_VERSION is not set; run me through the mediasoup Node library");
            System.exit(1);
        }
        Optional<ChannelEra> era = ChannelEra.of(version);
        if (era.isEmpty()) {
            System.err.println("mediasoup-worker: unsupported MEDIASOUP_VERSION '" + version
                    + "'; this worker speaks mediasoup " + ChannelEra.SUPPORTED);
            System.exit(EXIT_UNSUPPORTED_VERSION);
        }
        Settings settings;
        try {
            settings = Settings.fromArgs(args);
        } catch (MediasoupTypeError error) {
            System.err.println("mediasoup-worker: settings error: " + error.getMessage());
            System.exit(EXIT_SETTINGS_ERROR);
            return;
        }
        System.exit(run(era.get(), settings));
    }

    /** Runs the worker until it closes; returns the exit code. */
    private static int run(ChannelEra era, Settings settings) {
        WorkerProcess process;
        try {
            // Signals are handled before "running": the library may signal as soon as it knows.
            process = WorkerProcess.start(era, settings, ProcessHandle.current().pid(),
                    WorkerProcess.ChannelFds.INHERITED, started -> Signals.install(started::close));
        } catch (RuntimeException error) {
            System.err.println("mediasoup-worker: cannot open the channels on fds "
                    + (era == ChannelEra.FLATBUFFERS ? "3/4" : "3-6") + ": " + error);
            return 1;
        }
        process.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        return 0;
    }
}
