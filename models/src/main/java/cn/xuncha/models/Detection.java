package cn.xuncha.models;

import cn.xuncha.models.data.PixelBox;

/** A garbage box found in one image: category code, window score and box in original pixels. */
public record Detection(String category, double score, PixelBox box) {

    public static final String EXPOSED_GARBAGE = "exposed_garbage";
}
