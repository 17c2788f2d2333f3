package cn.xuncha.cli;

import static org.bytedeco.opencv.global.opencv_core.setNumThreads;

import cn.xuncha.analysis.AnalyzerSettings;
import cn.xuncha.analysis.CameraAnalyzer;
import cn.xuncha.analysis.CropClassifier;
import cn.xuncha.analysis.CropClassifiers;
import cn.xuncha.analysis.ModelCropClassifier;
import cn.xuncha.analysis.NoModelClassifier;
import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ModelMetadata;
import cn.xuncha.models.data.PatchSampler;
import cn.xuncha.models.net.GarbageNet;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xuncha bench analysis}: CPU milliseconds per sample of the reference-mode analysis (640-px analysis width)
 * and per crop of the garbage classifier. Prints a table, then one JSON line. OpenCV runs single-threaded here
 * (one worker per camera), so thread CPU time is the analysis cost; the classifier is charged process CPU time
 * because the model may use its own BLAS threads.
 */
@Command(name = "analysis", mixinStandardHelpOptions = true,
        description = "Benchmark the per-sample analysis and the crop classifier (CPU ms; table, then one JSON line).")
public final class BenchAnalysisCommand implements Callable<Integer> {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Spec CommandSpec spec;

    @Option(names = "--samples", defaultValue = "300", description = "measured samples per input size (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--warmup", defaultValue = "150", description = "samples run before measuring (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--crops", defaultValue = "800", description = "measured classifier crops per batch size (default: ${DEFAULT-VALUE})")
    int crops;

    @Override
    public Integer call() throws Exception {
        return DataStdout.run(this::run);
    }

    private Integer run() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        setNumThreads(1);
        Map<String, Object> json = new LinkedHashMap<>();
        out.printf("%-44s %10s %10s %10s%n", "stage", "median", "p95", "n");
        double[] a640 = analysis(640, 360);
        row(out, "analysis, 640x360 input (CPU ms/sample)", a640, samples);
        double[] a1080 = analysis(1920, 1080);
        row(out, "analysis, 1920x1080 input incl. resize", a1080, samples);
        json.put("analysisCpuMsPerSample640", Map.of("median", a640[0], "p95", a640[1]));
        json.put("analysisCpuMsPerSample1080pInput", Map.of("median", a1080[0], "p95", a1080[1]));
        try (CropClassifier c = benchClassifier(out)) {
            json.put("classifier", c.describe());
            {
                double[] one = classifier(c, 1);
                double[] eight = classifier(c, 8);
                row(out, "classifier, batch 1 (CPU ms/crop)", one, Math.max(10, crops / 10 * 10));
                row(out, "classifier, batch 8 (CPU ms/crop)", eight, Math.max(80, crops / 80 * 80));
                json.put("classifierCpuMsPerCropBatch1", Map.of("median", one[0], "p95", one[1]));
                json.put("classifierCpuMsPerCropBatch8", Map.of("median", eight[0], "p95", eight[1]));
            }
        }
        String omp = System.getenv("OMP_NUM_THREADS");
        out.println("OMP_NUM_THREADS=" + (omp == null ? "(unset: BLAS threads may spin and inflate CPU per crop)" : omp));
        json.put("ompNumThreads", omp == null ? "unset" : omp);
        out.println("targets: analysis <= 10 ms/sample (median, 640 px), classifier <= 5 ms/crop");
        out.println(new ObjectMapper().writeValueAsString(json));
        out.flush();
        return 0;
    }

    private double[] analysis(int w, int h) {
        int learn = AnalyzerSettings.defaults().learnSamples();
        long[] cpu = new long[samples];
        try (BenchScene scene = new BenchScene(w, h, 60, learn + 5);
                CameraAnalyzer a = new CameraAnalyzer("bench", "bench", List.of(), AnalyzerSettings.defaults(), new NoModelClassifier("bench"))) {
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < warmup + samples; i++) {
                long c0 = CPU.getCurrentThreadCpuTime();
                a.analyze(t.plusSeconds(i), scene.frame(i));
                long c1 = CPU.getCurrentThreadCpuTime();
                if (i >= warmup) cpu[i - warmup] = c1 - c0;
            }
        }
        return stats(cpu);
    }

    /** The committed model; without one, the same architecture with untrained weights (same cost), said so. */
    private static CropClassifier benchClassifier(PrintWriter out) {
        CropClassifier c = CropClassifiers.loadDefault();
        if (!(c instanceof NoModelClassifier)) return c;
        out.println("note: no trained model loadable (" + c.describe() + "); timing the untrained network of the same architecture");
        ModelMetadata m = new ModelMetadata(List.of("background", "garbage"), GarbageNet.INPUT, PatchSampler.CROP_PAD, 0.5, 0.5,
                "untrained", Map.of(), Map.of());
        return new ModelCropClassifier(new GarbageClassifier(GarbageNet.create(1, 1e-3), m));
    }

    /** Process CPU time ticks coarsely (10 ms on Linux), so each figure is the mean over a block of 10 calls. */
    private double[] classifier(CropClassifier c, int batch) {
        int block = 10;
        int blocks = Math.max(1, crops / (batch * block));
        long[] perCrop = new long[blocks];
        try (BenchScene scene = new BenchScene(640, 360, 8, 0)) {
            List<Mat> views = new ArrayList<>();
            for (int i = 0; i < batch; i++) views.add(new Mat(scene.frame(i), new Rect(20 + 30 * i, 40, 64 + 8 * i, 64 + 4 * i)));
            for (int i = 0; i < 30; i++) c.score(views);
            for (int b = 0; b < blocks; b++) {
                long c0 = processCpu();
                for (int r = 0; r < block; r++) c.score(views);
                perCrop[b] = (processCpu() - c0) / ((long) batch * block);
            }
            views.forEach(Mat::close);
        }
        return stats(perCrop);
    }

    /** The model may run on its own BLAS/OpenMP threads: count the whole process (the bench is the only work). */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double[] stats(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new double[] {AnalysisRun.percentileMs(s, 0.5), AnalysisRun.percentileMs(s, 0.95)};
    }

    private static void row(PrintWriter out, String name, double[] v, int n) {
        out.printf("%-44s %10.2f %10.2f %10d%n", name, v[0], v[1], n);
    }
}
