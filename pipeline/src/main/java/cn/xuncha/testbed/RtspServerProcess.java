package cn.xuncha.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One run of scripts/rtsp-server.py under /usr/bin/python3: start, wait for its READY line, signal, kill. */
final class RtspServerProcess {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final String PACKAGES = "python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base "
            + "gstreamer1.0-plugins-good gstreamer1.0-plugins-bad";
    private static final Pattern READY = Pattern.compile("(?m)^READY port=(\\d+)");
    private final Process process;
    private final Path log;
    private final int port;

    private RtspServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the server with the given arguments and returns once it listens (or throws, quoting its output). */
    static RtspServerProcess start(Path script, List<String> args, Path log, Duration timeout) {
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException(PYTHON + " not found: the local RTSP server needs the system Python with GStreamer; "
                    + "on Debian: apt-get install " + PACKAGES);
        }
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        cmd.addAll(args);
        cmd.addAll(List.of("--parent-pid", Long.toString(ProcessHandle.current().pid())));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // a pyenv or venv environment would hide the Debian gi module from /usr/bin/python3
        pb.environment().keySet().removeIf(k -> k.startsWith("PYTHON") || k.equals("VIRTUAL_ENV"));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd.get(0), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String out = read(log);
            Matcher m = READY.matcher(out);
            if (m.find()) return new RtspServerProcess(p, log, Integer.parseInt(m.group(1)));
            if (!p.isAlive()) throw new IllegalStateException(explain(out, p.exitValue()));
            sleep(50);
        }
        p.destroyForcibly();
        throw new IllegalStateException("RTSP server not ready after " + timeout.toSeconds() + " s; output:\n" + read(log));
    }

    private static String explain(String out, int exit) {
        if (out.contains("No module named 'gi'") || out.contains("Namespace Gst") || out.contains("not available")) {
            return "the local RTSP server needs GStreamer's RTSP server for the system Python; on Debian: apt-get install "
                    + PACKAGES + "\n" + out;
        }
        return "RTSP server exited with status " + exit + " before it was ready; output:\n" + out;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        return read(log);
    }

    /** SIGKILL, then wait until the process is gone (its port is free again). */
    void kill() {
        process.destroyForcibly();
        waitGone(Duration.ofSeconds(10));
    }

    /** SIGTERM: the server quits its main loop; SIGKILL if it does not within a few seconds. */
    void terminate() {
        process.destroy();
        if (!waitGone(Duration.ofSeconds(3))) kill();
    }

    /** Sends a signal by name (STOP, CONT) with kill(1): Java has no API for signals other than TERM and KILL. */
    void signal(String name) {
        try {
            Process k = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).redirectErrorStream(true).start();
            String out = new String(k.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (k.waitFor() != 0) throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed: " + out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill(1); install procps", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling the RTSP server", e);
        }
    }

    private boolean waitGone(Duration d) {
        try {
            return process.waitFor(d.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the RTSP server", e);
        }
    }
}
