package io.widrow.jobs;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * A Widrow server in a JVM of its own, started from the test classpath with the real model registry: for the
 * faults only a real process has (kill -9, SIGTERM). Its output goes to a log file under target/ that the test
 * can read, and that stays for a look after a failure.
 */
final class ServerProcess extends HttpApi implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final Path log;
    private final Process process;

    private ServerProcess(String name, int port, Path log, Process process) {
        super("http://localhost:" + port);
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Launches a server with these settings; call {@link #awaitReady} before using it. */
    static ServerProcess launch(String name, Map<String, String> settings) throws IOException {
        int port = freePort();
        Path logs = Files.createDirectories(Path.of("target", "server-processes"));
        Path log = logs.resolve(name + "-" + System.currentTimeMillis() + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only and the portable kernels: a quicker start on a busy machine; these tests need no speed.
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "io.widrow.WidrowApplication",
                "--server.port=" + port, "--widrow.admin-key=" + ADMIN_KEY, "--widrow.engine.warmup-seconds=0"));
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServerProcess(name, port, log, p);
    }

    ServerProcess awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("server %s exited with %d before it was ready:%n%s", name, process.exitValue(), tail());
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        return fail("server %s was not ready within %s:%n%s", name, timeout, tail());
    }

    /** kill -9: no shutdown hook, no checkpoint, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM; true if the process exited within {@code grace}. */
    boolean terminate(Duration grace) throws InterruptedException {
        process.destroy();
        return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
