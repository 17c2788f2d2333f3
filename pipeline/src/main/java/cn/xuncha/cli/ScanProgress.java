package cn.xuncha.cli;

import cn.xuncha.scan.CameraScanResult;
import cn.xuncha.scan.ScanTarget;
import cn.xuncha.scan.Scanner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The scan's progress bar: points done of total (with ETA), cameras done and failed as the extra message. */
final class ScanProgress implements Scanner.Listener, AutoCloseable {
    private final ProgressBar bar;
    private final Map<String, Integer> camerasLeft = new HashMap<>();
    private int pointsDone;

    ScanProgress(List<ScanTarget> targets) {
        targets.forEach(t -> camerasLeft.merge(t.pointId(), 1, Integer::sum));
        bar = new ProgressBarBuilder().setTaskName("巡检 points").setInitialMax(camerasLeft.size())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setMaxRenderedLength(110).build();
    }

    @Override
    public void cameraDone(CameraScanResult r, int done, int total, int failed) {
        if (camerasLeft.merge(r.target().pointId(), -1, Integer::sum) == 0) pointsDone++;
        bar.stepTo(pointsDone);
        bar.setExtraMessage("cameras " + done + "/" + total + ", failed " + failed);
    }

    @Override
    public void close() {
        bar.close();
    }
}
