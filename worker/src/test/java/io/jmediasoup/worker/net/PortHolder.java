package io.jmediasoup.worker.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another program holding ports: a child JVM that binds the loopback ports it is given
 * ("udp:20001", "tcp:20002"), says "ready" and keeps them until its stdin closes.
 */
final class PortHolder implements AutoCloseable {
    private final Process process;

    private PortHolder(Process process) {
        this.process = process;
    }

    /** Starts a holder of {@code ports} of {@code protocol} and waits until it holds them. */
    static PortHolder start(PortManager.Protocol protocol, List<Integer> ports) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PortHolder.class.getName()));
        ports.forEach(port -> command.add(protocol.label() + ":" + port));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new String(process.getInputStream().readNBytes("ready\n".length()));
        if (!line.equals("ready\n")) {
            process.destroyForcibly();
            throw new IOException("port holder did not start: '" + line + "'");
        }
        return new PortHolder(process);
    }

    /** Frees the ports: the child exits when its stdin closes. */
    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        List<Closeable> held = new ArrayList<>();
        for (String arg : args) {
            int port = Integer.parseInt(arg.substring(4));
            if (arg.startsWith("udp:")) {
                held.add(new DatagramSocket(new InetSocketAddress(loopback, port)));
            } else {
                ServerSocket server = new ServerSocket();
                server.bind(new InetSocketAddress(loopback, port));
                held.add(server);
            }
        }
        System.out.print("ready\n");
        System.out.flush();
        System.in.readAllBytes();
        for (Closeable socket : held) {
            socket.close();
        }
    }
}
