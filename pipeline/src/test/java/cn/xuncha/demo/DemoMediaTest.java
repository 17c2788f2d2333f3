package cn.xuncha.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoMediaTest {
    @TempDir
    Path data;

    @Test
    void demoSpecsKeepCameraResolutionAndKeyframeIntervalAtALowFrameRate() {
        for (String scene : DemoMedia.SCENES) {
            ClipSpec s = DemoMedia.spec(scene);
            assertEquals(Resolution.P720, s.resolution());
            assertEquals(DemoScenes.byName(scene).durationSeconds(), s.durationSeconds());
            assertTrue(s.fps() <= 5, "keyframe-only ingest does not need more, and the first demo start must stay quick");
            assertEquals(2.0, s.gopSeconds());
        }
    }

    @Test
    void presentClipsOfTheCurrentVersionAreLeftAloneAndOthersAreOutdated() throws Exception {
        assertEquals(DemoMedia.SCENES, DemoMedia.outdated(data));
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        for (String scene : DemoMedia.SCENES) {
            Path clip = DemoMedia.clipPath(data, scene);
            Files.createDirectories(clip.getParent());
            Files.writeString(clip, "stand-in for " + scene);
            Files.setLastModifiedTime(clip, old);
            Files.writeString(clip.resolveSibling(clip.getFileName() + ".spec"), DemoMedia.spec(scene).fileName());
        }
        Path stale = DemoMedia.clipPath(data, "road_parking");
        Files.writeString(stale.resolveSibling(stale.getFileName() + ".spec"), "road_parking-made-by-an-older-renderer.mp4");
        assertEquals(List.of("road_parking"), DemoMedia.outdated(data));

        Files.writeString(stale.resolveSibling(stale.getFileName() + ".spec"), DemoMedia.spec("road_parking").fileName());
        Map<String, Path> clips = DemoMedia.prepare(data);
        assertEquals(DemoMedia.SCENES, List.copyOf(clips.keySet()));
        for (Path clip : clips.values()) assertEquals(old, Files.getLastModifiedTime(clip), clip + " must not be regenerated");
    }
}
