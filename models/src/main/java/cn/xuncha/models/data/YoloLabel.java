package cn.xuncha.models.data;

/** One YOLO label line: class id and its normalised bounding box (from a box line or the bounds of a polygon). */
public record YoloLabel(int classId, double x, double y, double w, double h) {

    public PixelBox toPixels(int width, int height) {
        return new PixelBox(x * width, y * height, w * width, h * height);
    }
}
