package cn.xuncha.config;

/** Where the HTTP server listens. */
public record ServerConfig(String host, int port) {
    public static final ServerConfig DEFAULT = new ServerConfig("127.0.0.1", 8080);
}
