package cn.xuncha.scan;

import java.io.IOException;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Connects to a camera and grabs a few keyframes for the scan; the caller owns (closes) the returned Mats. */
@FunctionalInterface
public interface FrameGrabber {
    /** @throws IOException when the camera cannot be reached or delivers no frame, with a message saying why */
    List<Mat> grab(ScanTarget target) throws IOException;
}
