package cn.xuncha.cli;

import static org.junit.jupiter.api.Assertions.*;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.CropClassifier;
import cn.xuncha.analysis.NoModelClassifier;
import cn.xuncha.analysis.SyntheticScene;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The stable {@code analyze --json} contract on a video synthesised here: a bag appears at 8 s and stays. */
class AnalyzeCommandTest {
    static final Rect BAG = new Rect(270, 230, 64, 48); // 1.3% of the frame: a bag, not a pile
    static final int FPS = 5;
    static final int SECONDS = 24;
    static final int APPEAR_S = 8;
    @TempDir static Path dir;
    static Path video;

    @BeforeAll
    static void writeVideo() throws Exception {
        video = dir.resolve("bag.avi");
        try (SyntheticScene scene = new SyntheticScene(640, 360);
                FFmpegFrameRecorder rec = new FFmpegFrameRecorder(video.toFile(), 640, 360);
                OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            rec.setFormat("avi");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setFrameRate(FPS);
            rec.setVideoQuality(3);
            rec.start();
            for (int i = 0; i < FPS * SECONDS; i++) {
                try (Mat f = scene.frame()) {
                    if (i >= FPS * APPEAR_S) SyntheticScene.bag(f, BAG);
                    rec.record(conv.convert(f));
                }
            }
            rec.stop();
        }
    }

    record Result(int exit, List<JsonNode> lines, String err) {}

    static Result run(Supplier<CropClassifier> classifier, String... args) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new AnalyzeCommand(classifier));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper m = new ObjectMapper();
        for (String l : out.toString().split("\n")) if (!l.isBlank()) lines.add(m.readTree(l));
        return new Result(exit, lines, err.toString());
    }

    static CropClassifier garbageEverywhere() {
        return new CropClassifier() {
            @Override public float[] score(List<Mat> crops) {
                float[] s = new float[crops.size()];
                java.util.Arrays.fill(s, 0.9f);
                return s;
            }
            @Override public double threshold() { return 0.5; }
        };
    }

    @Test
    void bagThatStaysIsOpenedWithItsBox() throws Exception {
        Result r = run(AnalyzeCommandTest::garbageEverywhere, "--json", "--sample", "1s", "--dwell", "5s", video.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode summary = r.lines().get(r.lines().size() - 1).get("summary");
        assertNotNull(summary, "last line is the summary");
        assertEquals(1, summary.get("events").get("opened").asInt(), r.lines().toString());
        assertTrue(summary.get("samples").asInt() >= SECONDS - 1, summary.toString());
        assertTrue(summary.get("msPerSample").get("median").asDouble() > 0);
        JsonNode opened = r.lines().get(0);
        assertEquals("opened", opened.get("event").asText());
        assertEquals("exposed_garbage", opened.get("category").asText());
        double t = opened.get("t").asDouble();
        assertTrue(t >= APPEAR_S + 5 - 1 && t <= APPEAR_S + 5 + 2, "opened at t=" + t);
        assertTrue(opened.get("score").asDouble() >= 0 && opened.get("score").asDouble() <= 1);
        JsonNode b = opened.get("box");
        Box box = new Box(b.get(0).asInt(), b.get(1).asInt(), b.get(2).asInt(), b.get(3).asInt());
        assertTrue(box.iou(new Box(BAG.x(), BAG.y(), BAG.width(), BAG.height())) >= 0.3, "box " + box);
    }

    @Test
    void zonesFileTurnsAStaticObjectIntoIllegalParking() throws Exception {
        Path zones = dir.resolve("zones.yaml");
        Files.writeString(zones, """
                - name: fire lane
                  rule: no_parking
                  dwell: 6s
                  polygon: [[200, 180], [420, 180], [420, 330], [200, 330]]
                """);
        Result r = run(() -> new NoModelClassifier("test"), "--json", "--zones", zones.toString(), video.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode opened = r.lines().get(0);
        assertEquals("illegal_parking", opened.get("category").asText(), r.lines().toString());
        assertTrue(opened.get("t").asDouble() >= APPEAR_S + 6 - 1, opened.toString());
    }

    @Test
    void missingOrBrokenInputsFailClearly() throws Exception {
        Result missing = run(() -> new NoModelClassifier("test"), "--json", dir.resolve("nope.mp4").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("not found"), missing.err());

        Path junk = dir.resolve("junk.mp4");
        Files.writeString(junk, "this is not a video");
        Result broken = run(() -> new NoModelClassifier("test"), "--json", junk.toString());
        assertEquals(2, broken.exit());
        assertTrue(broken.err().contains("junk.mp4"), broken.err());

        Path zones = dir.resolve("bad-zones.yaml");
        Files.writeString(zones, "- name: x\n  rule: no_smoking\n  polygon: [[0, 0], [10, 0]]\n");
        Result badZones = run(() -> new NoModelClassifier("test"), "--json", "--zones", zones.toString(), video.toString());
        assertEquals(2, badZones.exit());
        assertTrue(badZones.err().contains("zones[0].rule") && badZones.err().contains("zones[0].polygon"), badZones.err());

        Result badSample = run(() -> new NoModelClassifier("test"), "--json", "--sample", "soon", video.toString());
        assertEquals(2, badSample.exit());
        assertTrue(badSample.err().contains("soon"), badSample.err());
    }
}
