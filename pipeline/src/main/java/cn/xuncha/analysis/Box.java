package cn.xuncha.analysis;

/** An axis-aligned box in original pixel coordinates of the camera frame. */
public record Box(int x, int y, int w, int h) {

    public Box {
        if (w < 0 || h < 0) throw new IllegalArgumentException("box width/height must be >= 0: " + w + "x" + h);
    }

    public long area() {
        return (long) w * h;
    }

    /** Intersection over union; 0 when either box is empty. */
    public double iou(Box o) {
        int ix = Math.max(0, Math.min(x + w, o.x + o.w) - Math.max(x, o.x));
        int iy = Math.max(0, Math.min(y + h, o.y + o.h) - Math.max(y, o.y));
        long inter = (long) ix * iy;
        long union = area() + o.area() - inter;
        return union <= 0 ? 0 : (double) inter / union;
    }

    /** Share of the smaller box that lies inside the other: 1 when one box contains the other. */
    public double containment(Box o) {
        int ix = Math.max(0, Math.min(x + w, o.x + o.w) - Math.max(x, o.x));
        int iy = Math.max(0, Math.min(y + h, o.y + o.h) - Math.max(y, o.y));
        long smaller = Math.min(area(), o.area());
        return smaller <= 0 ? 0 : (double) ix * iy / smaller;
    }

    public int[] toArray() {
        return new int[] {x, y, w, h};
    }
}
