package cn.xuncha.cases.service;

import cn.xuncha.cases.CaseState;
import cn.xuncha.cases.store.Database;
import cn.xuncha.cases.store.EvidenceStore;
import cn.xuncha.cases.store.ReviewedCases;
import cn.xuncha.cases.store.ReviewedCases.Reviewed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reviewer decisions as labelled examples for {@code xuncha train --from-reviews DIR}: the crop JPEG of every confirmed
 * (label 1) or dismissed (label 0) case as {@code case-<id>.jpg}, and {@code labels.csv} with header
 * {@code file,label,category} — category is the corrected category code when a reviewer changed it, else empty.
 * Other files in DIR are left alone; labels.csv is replaced atomically.
 */
public final class ReviewExport {
    public static final String LABELS = "labels.csv";
    private final Database db;
    private final EvidenceStore evidence;

    /** @param written examples in labels.csv; withoutCrop reviewed cases skipped because their crop is missing */
    public record Result(int written, int confirmed, int dismissed, int withoutCrop) {}

    public ReviewExport(Database db, EvidenceStore evidence) {
        this.db = db;
        this.evidence = evidence;
    }

    public Result write(Path dir) throws SQLException, IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("file,label,category\n");
        int confirmed = 0;
        int dismissed = 0;
        int withoutCrop = 0;
        try (Connection c = db.connection()) {
            for (Reviewed r : new ReviewedCases().all(c)) {
                Optional<Path> crop = r.cropSha256() == null ? Optional.empty() : evidence.find(r.cropSha256());
                if (crop.isEmpty()) {
                    withoutCrop++;
                    continue;
                }
                String file = "case-" + r.caseId() + ".jpg";
                Files.copy(crop.get(), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                boolean problem = r.state() != CaseState.DISMISSED;
                if (problem) confirmed++;
                else dismissed++;
                String corrected = r.category() != r.detectedCategory() ? r.category().code() : "";
                csv.append(file).append(',').append(problem ? 1 : 0).append(',').append(corrected).append('\n');
            }
        }
        Path tmp = Files.createTempFile(dir, LABELS, ".tmp");
        Files.writeString(tmp, csv, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(LABELS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Result(confirmed + dismissed, confirmed, dismissed, withoutCrop);
    }
}
