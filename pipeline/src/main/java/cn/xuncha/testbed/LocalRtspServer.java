package cn.xuncha.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real RTSP server (GStreamer, scripts/rtsp-server.py) in a child process, serving generated H.264 clips looped
 * at real-time pace on several mounts, with the faults cameras show: {@link #kill()}, {@link #restart()},
 * {@link #pause()} (SIGSTOP: connection open, no data) and {@link #resume()}. For integration tests and benchmarks.
 */
public final class LocalRtspServer implements AutoCloseable {
    private final List<String> args;
    private final List<String> mounts;
    private final String credentials;
    private final Path log;
    private RtspServerProcess process;
    private int port;
    private boolean paused;

    LocalRtspServer(List<String> args, List<String> mounts, String credentials, Path log, int port) {
        this.args = List.copyOf(args);
        this.mounts = List.copyOf(mounts);
        this.credentials = credentials;
        this.log = log;
        this.port = port;
        launch();
    }

    /** Mounts, clips and options; {@code start()} encodes missing clips and launches the server. */
    public static LocalRtspServerBuilder builder() {
        return new LocalRtspServerBuilder();
    }

    /** Mount paths served, e.g. ["/cam01", "/cam02"]. */
    public List<String> mounts() {
        return mounts;
    }

    public int port() {
        return port;
    }

    /** rtsp://127.0.0.1:PORT/mount (with user:pass@ when the server requires credentials). */
    public String url(String mount) {
        String path = mount.startsWith("/") ? mount : "/" + mount;
        return "rtsp://" + (credentials == null ? "" : credentials + "@") + "127.0.0.1:" + port + path;
    }

    /** The URL without credentials: a server started with auth answers it with 401. */
    public String urlWithoutCredentials(String mount) {
        return "rtsp://127.0.0.1:" + port + (mount.startsWith("/") ? mount : "/" + mount);
    }

    /** Process id of the server (for RSS or signal experiments); -1 when it is not running. */
    public long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: clients see the TCP connection drop (or refused connects), like a camera losing power. */
    public synchronized void kill() {
        if (process != null) process.kill();
        paused = false;
    }

    /** Starts the server again on the same port (after {@link #kill()}, or kills it first). */
    public synchronized void restart() {
        kill();
        launch();
    }

    /** SIGSTOP: connections stay open but no byte flows, like a hung camera or a black-holed network. */
    public synchronized void pause() {
        requireRunning().signal("STOP");
        paused = true;
    }

    /** SIGCONT after {@link #pause()}. */
    public synchronized void resume() {
        requireRunning().signal("CONT");
        paused = false;
    }

    /** What the server printed (GStreamer warnings, errors). */
    public String output() {
        return process == null ? "" : process.output();
    }

    @Override
    public synchronized void close() {
        if (process == null) return;
        // a stopped process cannot act on SIGTERM
        if (paused) process.kill();
        else process.terminate();
        paused = false;
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a leftover log in the clip cache is harmless
        }
    }

    private RtspServerProcess requireRunning() {
        if (process == null || !process.isAlive()) throw new IllegalStateException("the RTSP server is not running");
        return process;
    }

    private void launch() {
        List<String> a = new ArrayList<>(List.of("--port", Integer.toString(port)));
        a.addAll(args);
        // the first start may pick any free port; restarts reuse it so camera URLs stay valid
        process = RtspServerProcess.start(Scripts.rtspServer(), a, log, Duration.ofSeconds(60));
        port = process.port();
    }

    /** The n-th of count shared mounts, as rtsp-server.py names it: /cam01, or /cam001 when count >= 100. */
    public static String sharedMountName(int n, int count) {
        return String.format("/cam%0" + Math.max(2, Integer.toString(count).length()) + "d", n);
    }
}
