package cn.xuncha.scan;

import cn.xuncha.analysis.Finding;
import cn.xuncha.cases.CaseQuery;
import cn.xuncha.cases.CaseRecord;
import cn.xuncha.cases.service.CaseService;
import cn.xuncha.cases.service.CommandResult;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link CaseGateway} over the cases stage's {@link CaseService} (same JVM; its writer serialises all changes). */
public final class ServiceCaseGateway implements CaseGateway {
    private static final long SUBMIT_TIMEOUT_SECONDS = 30;
    private final CaseService service;

    public ServiceCaseGateway(CaseService service) {
        this.service = service;
    }

    @Override
    public List<OpenCase> openCases(String cameraId) throws Exception {
        CaseQuery q = new CaseQuery(null, null, null, null, cameraId, 0, CaseQuery.MAX_LIMIT, false);
        return service.list(q).items().stream().filter(c -> c.state().isOpen()).map(ServiceCaseGateway::view).toList();
    }

    @Override
    public void submit(Finding finding) throws Exception {
        CommandResult r = service.ingest(finding).get(SUBMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        switch (r.status()) {
            case APPLIED, DUPLICATE, JOURNALED -> { }
            default -> throw new IllegalStateException("cases stage refused finding on " + finding.cameraId() + ": " + r.status() + " " + r.message());
        }
    }

    private static OpenCase view(CaseRecord c) {
        return new OpenCase(c.id(), c.trackId(), c.detectedCategory(), c.box());
    }
}
