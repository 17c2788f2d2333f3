package cn.xuncha.models.data;

/** An axis-aligned box in pixel coordinates (double precision; the pipeline converts to its integer Box). */
public record PixelBox(double x, double y, double w, double h) {

    public double area() {
        return Math.max(0, w) * Math.max(0, h);
    }

    public double cx() {
        return x + w / 2;
    }

    public double cy() {
        return y + h / 2;
    }

    public double intersection(PixelBox o) {
        double ix = Math.min(x + w, o.x + o.w) - Math.max(x, o.x);
        double iy = Math.min(y + h, o.y + o.h) - Math.max(y, o.y);
        return ix <= 0 || iy <= 0 ? 0 : ix * iy;
    }

    /** How much of the smaller box lies inside the other (1 = nested). */
    public double containment(PixelBox o) {
        double smaller = Math.min(area(), o.area());
        return smaller <= 0 ? 0 : intersection(o) / smaller;
    }

    public double iou(PixelBox o) {
        double inter = intersection(o);
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** Square window centred on this box with side max(w,h)*pad: the classifier's crop convention. */
    public PixelBox squareAround(double pad) {
        double side = Math.max(w, h) * pad;
        return new PixelBox(cx() - side / 2, cy() - side / 2, side, side);
    }

    public PixelBox scale(double f) {
        return new PixelBox(x * f, y * f, w * f, h * f);
    }

    /** Clip to [0,width)x[0,height); may return an empty box. */
    public PixelBox clip(double width, double height) {
        double x0 = Math.max(0, x), y0 = Math.max(0, y);
        double x1 = Math.min(width, x + w), y1 = Math.min(height, y + h);
        return new PixelBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    public int[] toIntArray() {
        return new int[] {(int) Math.round(x), (int) Math.round(y), (int) Math.round(w), (int) Math.round(h)};
    }
}
