package cn.xuncha.cases;

import static cn.xuncha.cases.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import cn.xuncha.analysis.Evidence;
import cn.xuncha.analysis.Finding;
import cn.xuncha.analysis.FindingEvent;
import cn.xuncha.cases.service.CaseCommand;
import cn.xuncha.cases.service.Journal;
import cn.xuncha.cases.notify.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir Path dir;

    @Test
    void keepsOrderAndBytesAndSetsTornLinesAside() throws Exception {
        Journal j = new Journal(dir);
        byte[] crop = Fixtures.jpeg(3, 32, 24);
        Finding f = new Finding("c", "p", 9, FindingEvent.OPENED, Category.PILING, 0.5, new Box(1, 2, 3, 4), T0, new Evidence(null, crop, null));
        CaseCommand.OfFinding a = CaseCommand.OfFinding.of(f);
        CaseCommand.OfTransition b = new CaseCommand.OfTransition("k2",
                new TransitionRequest(5, CaseAction.CONFIRM, "张三", "ok", null, null, Category.LITTER, null), T0.plusSeconds(9));
        j.append(List.of(a));
        j.append(List.of(b));
        Files.writeString(dir.resolve("journal/commands.jsonl"), "{\"type\":\"fin", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        List<CaseCommand> read = j.readAll();
        assertEquals(2, read.size());
        CaseCommand.OfFinding ra = (CaseCommand.OfFinding) read.get(0);
        assertEquals(a.key(), ra.key());
        assertEquals(f.at(), ra.finding().at());
        assertArrayEquals(crop, ra.finding().evidence().cropJpeg());
        assertEquals(b, new CaseCommand.OfTransition(read.get(1).key(), ((CaseCommand.OfTransition) read.get(1)).request(), T0.plusSeconds(9)));
        assertEquals(1, j.rejectedCount(), "torn last line set aside, not lost");
        j.clear();
        assertTrue(j.isEmpty());
    }

    @Test
    void sameFindingSameKey() {
        Finding f = new Finding("c", "p", 9, FindingEvent.UPDATED, Category.PILING, 0.5, new Box(1, 2, 3, 4), T0, Evidence.NONE);
        Finding later = new Finding("c", "p", 9, FindingEvent.UPDATED, Category.PILING, 0.5, new Box(1, 2, 3, 4), T0.plusMillis(1), Evidence.NONE);
        assertEquals(CaseCommand.OfFinding.of(f).key(), CaseCommand.OfFinding.of(f).key());
        assertTrue(!CaseCommand.OfFinding.of(f).key().equals(CaseCommand.OfFinding.of(later).key()));
    }

    @Test
    void webhookSignatureIsHmacSha256OfBody() {
        byte[] body = "{\"event\":\"case.new\"}".getBytes(StandardCharsets.UTF_8);
        String sig = WebhookSigner.sign("k", body);
        assertTrue(sig.matches("sha256=[0-9a-f]{64}"));
        assertTrue(WebhookSigner.verify("k", body, sig));
        assertTrue(!WebhookSigner.verify("other", body, sig));
        assertTrue(!WebhookSigner.verify("k", "{}".getBytes(StandardCharsets.UTF_8), sig));
    }
}
