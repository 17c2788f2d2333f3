package cn.xuncha.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.util.ModelSerializer;

/** Reads and writes a model zip plus its metadata JSON side by side. */
public final class ModelFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFiles() {}

    public static Path metadataPath(Path modelZip) {
        String n = modelZip.getFileName().toString();
        String base = n.endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
        return modelZip.resolveSibling(base + ".json");
    }

    public static ModelMetadata readMetadata(InputStream in) throws IOException {
        return JSON.readValue(in, ModelMetadata.class);
    }

    /** Writes zip (without updater state: smaller, inference and fine-tuning only need weights) and JSON. */
    public static void write(GarbageClassifier model, Path modelZip) throws IOException {
        write(model.network(), model.metadata(), modelZip);
    }

    /** Any DL4J network with its metadata (same layout: zip without updater state, JSON beside it). */
    public static void write(org.deeplearning4j.nn.api.Model network, ModelMetadata metadata, Path modelZip) throws IOException {
        Path dir = modelZip.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "model", ".zip.tmp");
        ModelSerializer.writeModel(network, tmp.toFile(), false);
        readableByAll(tmp); // a temp file is owner-only; the service reading models may run as another user
        Files.move(tmp, modelZip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        JSON.writeValue(metadataPath(modelZip).toFile(), metadata);
    }

    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }

    /** Hex SHA-256 of a model file's bytes: names the exact model another one was trained against. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
