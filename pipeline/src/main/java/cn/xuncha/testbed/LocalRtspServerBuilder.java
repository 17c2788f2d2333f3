package cn.xuncha.testbed;

import cn.xuncha.demo.ClipCache;
import cn.xuncha.demo.ClipSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects mounts, clips and options for a {@link LocalRtspServer}; {@link #start()} encodes missing clips and launches it. */
public final class LocalRtspServerBuilder {
    private final Map<String, Object> mounts = new LinkedHashMap<>();
    private final Map<String, String> launches = new LinkedHashMap<>();
    private ClipCache cache = ClipCache.shared();
    private int port;
    private String credentials;
    private int sharedCount;
    private Object sharedClip;

    LocalRtspServerBuilder() {}

    public LocalRtspServerBuilder mount(String path, Path clip) {
        mounts.put(normalise(path), clip);
        return this;
    }

    public LocalRtspServerBuilder mount(String path, ClipSpec spec) {
        mounts.put(normalise(path), spec);
        return this;
    }

    /**
     * Serves one clip on /cam01 .. /camNN (names widen to 3 digits from 100 mounts). All these mounts feed from ONE
     * server pipeline (each client has its own RTSP session and joins at the current position, first keyframe within
     * one GOP): a pipeline costs the server ~1 % of a core at 25 fps, a client ~0.2 %, which is what lets one
     * server carry hundreds of cameras. Mounts added with {@link #mount} each get their own pipeline.
     */
    public LocalRtspServerBuilder mounts(int count, ClipSpec spec) {
        sharedCount = count;
        sharedClip = spec;
        return this;
    }

    public LocalRtspServerBuilder mounts(int count, Path clip) {
        sharedCount = count;
        sharedClip = clip;
        return this;
    }

    /** A mount served by a live GStreamer pipeline whose payloader is named pay0 (for codecs the clips do not cover). */
    public LocalRtspServerBuilder launch(String path, String pipeline) {
        if (!pipeline.contains("pay0")) throw new IllegalArgumentException("the pipeline needs a payloader named pay0");
        launches.put(normalise(path), pipeline);
        return this;
    }

    /** Require HTTP basic credentials: requests without them get 401. */
    public LocalRtspServerBuilder auth(String user, String password) {
        if (user.contains(":") || user.contains("@") || password.contains("@")) throw new IllegalArgumentException("user must not contain ':' or '@'");
        credentials = user + ":" + password;
        return this;
    }

    /** Fixed port instead of any free one. */
    public LocalRtspServerBuilder port(int p) {
        port = p;
        return this;
    }

    public LocalRtspServerBuilder clipCache(ClipCache c) {
        cache = c;
        return this;
    }

    public LocalRtspServer start() {
        if (mounts.isEmpty() && launches.isEmpty() && sharedCount == 0) {
            throw new IllegalStateException("no mounts: call mount(...), launch(...) or mounts(n, clip)");
        }
        List<String> args = new ArrayList<>();
        List<String> names = new ArrayList<>();
        mounts.forEach((path, clip) -> {
            args.addAll(List.of("--mount", path + "=" + resolve(clip)));
            names.add(path);
        });
        if (sharedCount > 0) {
            args.addAll(List.of("--mounts", Integer.toString(sharedCount), "--clip", resolve(sharedClip).toString()));
            for (int i = 1; i <= sharedCount; i++) names.add(LocalRtspServer.sharedMountName(i, sharedCount));
        }
        launches.forEach((path, pipeline) -> {
            args.addAll(List.of("--launch", path + "=" + pipeline));
            names.add(path);
        });
        if (credentials != null) args.addAll(List.of("--auth", credentials));
        args.addAll(List.of("--cache-dir", cache.dir().resolve("annexb").toString()));
        try {
            Path logs = Files.createDirectories(cache.dir().resolve("logs"));
            Path log = Files.createTempFile(logs, "rtsp-server-", ".log");
            log.toFile().deleteOnExit(); // close() deletes it too; this covers callers that never close
            return new LocalRtspServer(args, names, credentials, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the RTSP server log in " + cache.dir(), e);
        }
    }

    private Path resolve(Object clip) {
        Path p = clip instanceof ClipSpec s ? cache.clip(s) : (Path) clip;
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException("clip not found: " + p);
        return p.toAbsolutePath();
    }

    private static String normalise(String path) {
        if (!path.matches("/?[A-Za-z0-9_./-]+")) throw new IllegalArgumentException("bad mount path '" + path + "'");
        return path.startsWith("/") ? path : "/" + path;
    }
}
