package cn.xuncha.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest section: defaults, the RTSP client switch and its error message. */
class IngestConfigTest {
    @TempDir Path dir;

    private XunchaConfig load(String ingest) throws Exception {
        Path f = dir.resolve("x.yaml");
        Files.writeString(f, "ingest: " + ingest + "\npoints:\n  - {id: P1, name: 市场, type: 农贸市场, unit: 城关街道, cameras: [{id: c1, url: \"rtsp://h/1\"}]}\n");
        return new ConfigLoader(Map.of()).load(f);
    }

    @Test
    void builtinClientByDefaultFfmpegOnRequest() throws Exception {
        assertEquals(IngestConfig.RtspClient.BUILTIN, load("{stallTimeout: 5s}").ingest().rtspClient());
        assertEquals(IngestConfig.RtspClient.FFMPEG, load("{rtspClient: ffmpeg}").ingest().rtspClient());
    }

    @Test
    void anUnknownClientIsAnErrorWithItsPath() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("{rtspClient: vlc}"));
        assertEquals(1, e.errors().size(), e.errors().toString());
        assertEquals("ingest.rtspClient", e.errors().get(0).path());
        assertEquals("must be builtin or ffmpeg, got 'vlc'", e.errors().get(0).message());
    }
}
