package cn.xuncha.ingest.rtsp;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One RTSP response: status line, headers (keys lower-case) and body. */
public record RtspResponse(int status, String reason, Map<String, String> headers, byte[] body) {
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
