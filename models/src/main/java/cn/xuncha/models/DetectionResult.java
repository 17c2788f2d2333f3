package cn.xuncha.models;

import java.util.List;

/** Detections of one image plus its image-level score (highest window score anywhere, even below threshold). */
public record DetectionResult(double maxScore, List<Detection> detections) {}
