package io.jmediasoup.rtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads a JNI shim the build put in a module's jar (scripts/build-jni, under
 * native/&lt;os&gt;-&lt;arch&gt;/) for the machine it ran on. A shim may be missing (no gcc or
 * headers at build time, another OS or architecture) or fail to load (a library it links is
 * absent): each caller then runs its Java path.
 */
public final class NativeLibraries {
    private NativeLibraries() {
    }

    /** Loads lib{@code name}.so from {@code owner}'s jar; null once loaded, else why not. */
    public static String load(Class<?> owner, String name) {
        String platform = System.getProperty("os.name").toLowerCase(Locale.ROOT) + "-" + architecture();
        String resource = "/native/" + platform + "/lib" + name + ".so";
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                return "no " + resource + " in the jar";
            }
            Path file = Files.createTempFile(name, ".so");
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
