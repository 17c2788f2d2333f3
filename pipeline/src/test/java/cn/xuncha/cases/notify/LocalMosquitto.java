package cn.xuncha.cases.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway Mosquitto broker (Debian package {@code mosquitto}) on a free loopback port, with a password file and
 * persistence in a temp directory, so a test can stop and start it and keep a subscriber's session.
 */
final class LocalMosquitto implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");
    final int port;
    private final Path dir;
    private Process process;

    private LocalMosquitto(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(BINARY) && Files.isExecutable(PASSWD);
    }

    static LocalMosquitto start(Path dir, String user, String password) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path pw = dir.resolve("passwd");
        run(List.of(PASSWD.toString(), "-c", "-b", pw.toString(), user, password));
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous false",
                "password_file " + pw,
                "persistence true",
                "persistence_location " + dir + "/",
                "user " + System.getProperty("user.name"),
                "log_dest file " + dir.resolve("mosquitto.log"),
                ""));
        LocalMosquitto m = new LocalMosquitto(dir, port);
        m.startBroker();
        return m;
    }

    void startBroker() throws Exception {
        process = new ProcessBuilder(BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("mosquitto exited: " + Files.readString(dir.resolve("stdout.log")));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on port " + port + " within 20 s");
    }

    /** SIGTERM: the broker saves its sessions and queued messages, as on an orderly restart. */
    void stopBroker() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) stopBroker();
    }
}
