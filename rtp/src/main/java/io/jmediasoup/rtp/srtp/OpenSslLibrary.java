package io.jmediasoup.rtp.srtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads the OpenSSL shim of {@link OpenSslTransform} (src/main/c, built by the Maven build for
 * the machine it ran on) from the jar. Where it is missing, cannot load (no libcrypto.so.3, other
 * OS or architecture) or is turned off with {@code -Djmediasoup.srtp.openssl=false}, the engine
 * runs in Java, and {@link #unavailableReason()} says why.
 */
final class OpenSslLibrary {
    static final String PROPERTY = "jmediasoup.srtp.openssl";
    private static final String REASON = load();

    private OpenSslLibrary() {
    }

    /** Whether the shim is loaded and the engine may use it. */
    static boolean available() {
        return REASON == null && !"false".equals(System.getProperty(PROPERTY));
    }

    /** Why the shim is not loaded, or null if it is. */
    static String unavailableReason() {
        return REASON;
    }

    private static String load() {
        String platform = System.getProperty("os.name").toLowerCase(Locale.ROOT) + "-" + architecture();
        String resource = "/native/" + platform + "/libjmsrtp.so";
        try (InputStream in = OpenSslLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "no " + resource + " in the jar";
            }
            Path file = Files.createTempFile("jmsrtp", ".so");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                System.load(file.toString());
            } finally {
                // Once loaded the mapping stays; the name is not needed.
                Files.deleteIfExists(file);
            }
            return null;
        } catch (IOException | UnsatisfiedLinkError | SecurityException failure) {
            return failure.toString();
        }
    }

    /** The architecture as uname -m names it, which is how the build names the directory. */
    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            default -> arch;
        };
    }
}
