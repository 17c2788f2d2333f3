package cn.xuncha.cli;

import cn.xuncha.XunchaNode;
import cn.xuncha.config.XunchaConfig;
import java.util.concurrent.CountDownLatch;

/** Starts a node, prints where it listens, and closes it cleanly on Ctrl-C / SIGTERM. */
final class ServiceRunner {
    private ServiceRunner() {}

    static int runUntilStopped(XunchaConfig cfg) {
        return runUntilStopped(cfg, node -> {});
    }

    /** Like {@link #runUntilStopped(XunchaConfig)}, running {@code afterStart} once the node answers. */
    static int runUntilStopped(XunchaConfig cfg, java.util.function.Consumer<XunchaNode> afterStart) {
        XunchaNode node;
        try {
            node = XunchaNode.start(cfg);
        } catch (Exception e) {
            System.err.println("xuncha: failed to start: " + e.getMessage());
            return 1;
        }
        System.out.printf("xuncha: %d points, %d cameras; web on http://%s:%d/%n", cfg.points().size(),
                cfg.cameras().count(), cfg.server().host(), node.httpPort());
        afterStart.accept(node);
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception ignored) {
                // shutting down anyway
            }
            done.countDown();
        }));
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
