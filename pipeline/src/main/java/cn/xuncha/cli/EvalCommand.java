package cn.xuncha.cli;

import cn.xuncha.models.ImageDetector;

import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.data.LabeledImage;
import cn.xuncha.models.data.YoloDataset;
import cn.xuncha.models.eval.Degradation;
import cn.xuncha.models.eval.EvalPictures;
import cn.xuncha.models.eval.EvalReport;
import cn.xuncha.models.eval.Evaluator;
import cn.xuncha.models.eval.Mosaic;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xuncha eval DIR}: detection and patch metrics of the model on a YOLO-format folder; table + JSON file. */
@Command(name = "eval", description = "Evaluate the garbage model on a YOLO folder (DIR/images + DIR/labels, or a dataset root: valid+test).")
public final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "eval.json", description = "JSON report (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--threshold", paramLabel = "P", description = ModelOption.THRESHOLD_HELP)
    Double threshold;

    @Option(names = "--seed", defaultValue = "7", description = "seed for the background patches (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--mosaic", paramLabel = "N", defaultValue = "1",
            description = "compose N x N photos (640 px cells) into each frame: the same garbage at 1/N of a wider view; "
                    + "box metrics only (default: ${DEFAULT-VALUE}, the photos as they are)")
    int mosaic;

    @Option(names = "--frame-side", paramLabel = "PX", defaultValue = "0",
            description = "with --mosaic: shrink each composed frame to a longer side of PX, as ingest caps a camera's frames "
                    + "(e.g. --mosaic 2 --frame-side 720: a 720p camera's view of garbage at 0.28 of its photo size; "
                    + "default: as composed, N x 640 px)")
    int frameSide;

    @Option(names = "--degrade", paramLabel = "grey|dark|jpeg15",
            description = "spoil every frame before the detector sees it, labels unchanged: grey (colour removed, as an infrared "
                    + "night camera), dark (brightness x0.3 with sensor noise, sigma 6, seeded by --seed) or jpeg15 (JPEG quality 15); "
                    + "also with --mosaic (default: the frames as they are)")
    String degrade;

    @Option(names = "--pictures", paramLabel = "DIR",
            description = "also write one picture per frame into DIR, with index.csv: labelled bags found (green) and missed (yellow), "
                    + "matching detections (thin blue), false boxes off the bags (red), on bags fitting none (orange), "
                    + "a second box on a found bag (magenta); at the detection threshold")
    Path pictures;

    @Mixin
    ModelOption model;

    @Override
    public Integer call() throws Exception {
        if (mosaic < 1 || mosaic > 6) {
            System.err.println("xuncha eval: --mosaic must be 1..6, got " + mosaic);
            return 2;
        }
        if (frameSide != 0 && (mosaic == 1 || frameSide < 160 || frameSide > 4096)) {
            System.err.println("xuncha eval: --frame-side goes with --mosaic and must be 160..4096 px, got " + frameSide
                    + (mosaic == 1 ? " without --mosaic" : ""));
            return 2;
        }
        Degradation degradation;
        try {
            degradation = degrade == null ? null : Degradation.named(degrade);
        } catch (IllegalArgumentException e) {
            System.err.println("xuncha eval: --degrade: " + e.getMessage());
            return 2;
        }
        List<LabeledImage> images;
        try {
            images = YoloDataset.splitOrRoot(dir, "valid", "test");
        } catch (IOException e) {
            System.err.println("xuncha eval: " + e.getMessage());
            return 2;
        }
        try (GarbageClassifier clf = model.load()) {
            ImageDetector detector = model.detector(clf);
            double det = threshold != null ? threshold : detector.detectionThreshold();
            EvalPictures drawn;
            try {
                drawn = pictures == null ? null : new EvalPictures(pictures, det);
            } catch (IOException e) {
                System.err.println("xuncha eval: --pictures " + pictures + ": cannot create the directory (" + e.getMessage() + ")");
                return 2;
            }
            Evaluator ev;
            int frames = mosaic == 1 ? images.size() : Mosaic.groups(images, mosaic).size();
            try (ProgressBar pb = new ProgressBarBuilder().setTaskName("eval").setInitialMax(frames).build()) {
                ev = mosaic == 1 ? new Evaluator(clf, detector).drawingInto(drawn).degrading(degradation, seed).run(images, seed, pb::step)
                        : new Evaluator(null, detector).drawingInto(drawn).degrading(degradation, seed)
                                .runMosaic(images, mosaic, Mosaic.CELL, frameSide, pb::step);
            }
            String name = dir + (mosaic == 1 ? "" : " (mosaic " + mosaic + "x" + mosaic + (frameSide > 0 ? " at " + frameSide + " px" : "") + ")")
                    + (degradation == null ? "" : " (" + degradation.optionName() + ")") + " [" + detector.description() + "]";
            EvalReport report = ev.report(name, det, clf.metadata().operatingThreshold());
            System.out.print(report.table());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
            System.out.println("wrote " + out);
            if (drawn != null) System.out.println("wrote " + drawn.size() + " pictures and " + drawn.finish());
            return 0;
        }
    }
}
