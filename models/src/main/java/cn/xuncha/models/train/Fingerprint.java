package cn.xuncha.models.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 over file names, sizes and (for small text files such as labels) contents: identifies the data used. */
public final class Fingerprint {

    private final MessageDigest md;

    public Fingerprint() {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Fingerprint add(List<Path> files) throws IOException {
        for (Path p : files) {
            if (p == null || !Files.exists(p)) continue;
            md.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            long size = Files.size(p);
            md.update(Long.toString(size).getBytes(StandardCharsets.UTF_8));
            if (p.toString().endsWith(".txt") && size < 1_000_000) md.update(Files.readAllBytes(p));
        }
        return this;
    }

    public String hex() {
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }
}
