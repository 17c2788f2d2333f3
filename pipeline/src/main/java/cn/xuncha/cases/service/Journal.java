package cn.xuncha.cases.service;

import cn.xuncha.analysis.Finding;
import cn.xuncha.cases.TransitionRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local append-only journal ({@code dataDir/journal/commands.jsonl}) of commands that could not reach the database:
 * one JSON line each, fsynced before the caller is told "accepted". Replayed in order once the database is back.
 * Commands that fail for a reason other than an outage go to {@code rejected.jsonl} so nothing is silently lost.
 */
public final class Journal {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private final Path file;
    private final Path rejected;

    /** One journal line. {@code type} is finding or transition. */
    record Entry(String type, String key, Finding finding, TransitionRequest request, Instant at, String error) {}

    public Journal(Path dataDir) {
        Path dir = dataDir.resolve("journal");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create journal directory " + dir, e);
        }
        this.file = dir.resolve("commands.jsonl");
        this.rejected = dir.resolve("rejected.jsonl");
    }

    public boolean isEmpty() {
        try {
            return !Files.exists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void append(List<CaseCommand> commands) {
        write(file, commands, null);
    }

    public void reject(CaseCommand command, String error) {
        write(rejected, List.of(command), error);
    }

    /** All journaled commands in order; an unreadable line (torn write at a crash) is logged and moved to rejected. */
    public List<CaseCommand> readAll() {
        List<CaseCommand> out = new ArrayList<>();
        if (isEmpty()) return out;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                try {
                    Entry e = CaseJson.mapper().readValue(line, Entry.class);
                    out.add("finding".equals(e.type()) ? new CaseCommand.OfFinding(e.key(), e.finding())
                            : new CaseCommand.OfTransition(e.key(), e.request(), e.at()));
                } catch (JsonProcessingException ex) {
                    LOG.error("unreadable journal line moved to {}: {}", rejected, ex.getOriginalMessage());
                    Files.writeString(rejected, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file, e);
        }
    }

    /** Empties the journal after a complete replay. */
    public void clear() {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.truncate(0);
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear journal " + file, e);
        }
    }

    public int rejectedCount() {
        try {
            return Files.exists(rejected) ? (int) Files.lines(rejected).count() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path target, List<CaseCommand> commands, String error) {
        StringBuilder sb = new StringBuilder();
        try {
            for (CaseCommand c : commands) {
                Entry e = c instanceof CaseCommand.OfFinding f ? new Entry("finding", f.key(), f.finding(), null, null, error)
                        : new Entry("transition", c.key(), null, ((CaseCommand.OfTransition) c).request(), ((CaseCommand.OfTransition) c).at(), error);
                sb.append(CaseJson.mapper().writeValueAsString(e)).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise command for the journal", e);
        }
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(false); // durable before the caller is told the command was accepted
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to journal " + target, e);
        }
    }
}
