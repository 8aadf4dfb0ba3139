package io.jmediasoup.rtp.bwe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: after a deliberate change of the estimator, rewrites the E lines of every
 * committed recording with what the estimator now answers, leaving the inputs as recorded:
 * {@code mvn -q -pl rtp -am test -Dtest=RewriteEstimates -Dbwe.rewriteEstimates=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
class RewriteEstimates {
    private static final Path RECORDINGS = Path.of("src/test/resources/io/jmediasoup/rtp/bwe/recordings");

    @Test
    @EnabledIfSystemProperty(named = "bwe.rewriteEstimates", matches = "true")
    void rewrite() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(RECORDINGS, "*.bwe.gz")) {
            for (Path file : files) {
                rewrite(file);
            }
        }
    }

    private static void rewrite(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        FeedbackRecording recording = FeedbackRecording.read(new BufferedReader(new StringReader(String.join("\n", lines))));
        List<String> estimates = new ArrayList<>();
        recording.replay(recording.newEstimator(), (event, estimator) -> {
            if (event instanceof FeedbackRecording.Estimate e) {
                estimates.add("E " + e.nowMs() + " " + estimator.availableBitrate() + " " + estimator.usage().name());
            }
        });
        int next = 0;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
                Writer writer = new OutputStreamWriter(out, StandardCharsets.US_ASCII)) {
            for (String line : lines) {
                writer.write(line.startsWith("E ") ? estimates.get(next++) : line);
                writer.write('\n');
            }
        }
    }
}
