package cn.xuncha.cases;

import cn.xuncha.config.StorageConfig;
import java.nio.file.Path;

/** The cases stage on the default embedded H2 file database. */
class CaseServiceH2IT extends CaseServiceContract {
    @Override
    StorageConfig storage(String dataDir) {
        return StorageConfig.embedded(dataDir);
    }
}
