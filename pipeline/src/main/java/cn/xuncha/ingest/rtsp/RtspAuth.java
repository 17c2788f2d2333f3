package cn.xuncha.ingest.rtsp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Answers a camera's 401 challenge with Basic or Digest (RFC 2617, MD5, with or without qop=auth). */
final class RtspAuth {
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    private final String user;
    private final String password;
    private final String challenge;
    private final String cnonce = Long.toHexString(new java.security.SecureRandom().nextLong());
    private int nonceCount;

    private RtspAuth(String user, String password, String challenge) {
        this.user = user;
        this.password = password;
        this.challenge = challenge;
    }

    /** The scheme to use for a WWW-Authenticate header (Digest preferred when a camera offers both). */
    static RtspAuth forChallenge(String user, String password, String wwwAuthenticate) {
        return new RtspAuth(user, password, wwwAuthenticate == null ? "Basic" : wwwAuthenticate.trim());
    }

    /** The Authorization header value for one request. */
    String header(String method, String uri) {
        if (!challenge.toLowerCase(Locale.ROOT).startsWith("digest")) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        String realm = param("realm"), nonce = param("nonce"), opaque = param("opaque");
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        boolean qopAuth = java.util.Arrays.stream(param("qop").split(",")).anyMatch(q -> q.trim().equals("auth"));
        String header = "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri + "\"";
        if (qopAuth) {
            String nc = String.format("%08x", ++nonceCount);
            String response = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
            header += ", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\"" + response + "\"";
        } else {
            header += ", response=\"" + md5(ha1 + ":" + nonce + ":" + ha2) + "\"";
        }
        return opaque.isEmpty() ? header : header + ", opaque=\"" + opaque + "\"";
    }

    private String param(String name) {
        Matcher m = PARAM.matcher(challenge);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) return m.group(2) != null ? m.group(2) : m.group(3);
        }
        return "";
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
