package cn.xuncha.ingest.rtsp;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** An rtsp:// URL split into where to connect, the request URI (never carrying credentials) and the credentials. */
public record RtspUrl(String host, int port, String requestUri, String user, String password) {
    public static final int DEFAULT_PORT = 554;

    public static RtspUrl parse(String url) {
        URI uri = URI.create(url);
        if (!"rtsp".equalsIgnoreCase(uri.getScheme())) throw new IllegalArgumentException("not an rtsp:// URL");
        if (uri.getHost() == null) throw new IllegalArgumentException("rtsp URL without a host");
        int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT;
        String user = null, password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String request = "rtsp://" + bracketed(uri.getHost()) + ":" + port + path + query;
        return new RtspUrl(uri.getHost(), port, request, user, password);
    }

    public boolean hasCredentials() {
        return user != null;
    }

    /** Resolves an SDP control attribute against the session's base URI (absolute controls are taken as given). */
    public static String resolve(String base, String control) {
        if (control == null || control.isEmpty() || control.equals("*")) return base;
        if (control.regionMatches(true, 0, "rtsp://", 0, 7)) return control;
        return base.endsWith("/") ? base + control : base + "/" + control;
    }

    @Override
    public String toString() { // never the password
        return requestUri;
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
