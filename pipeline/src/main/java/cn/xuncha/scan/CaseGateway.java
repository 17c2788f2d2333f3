package cn.xuncha.scan;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import cn.xuncha.analysis.Finding;
import java.util.List;

/** What the scan needs from the cases stage: the open cases of a camera, and a way to hand it findings. */
public interface CaseGateway {
    /** An open case as the scan sees it: enough to tell whether its object is still in view. */
    record OpenCase(long id, long trackId, Category detectedCategory, Box box) {}

    List<OpenCase> openCases(String cameraId) throws Exception;

    /** Hands over one finding (OPENED/UPDATED: seen; CLOSED: camera-verified gone) and waits until it is accepted. */
    void submit(Finding finding) throws Exception;
}
