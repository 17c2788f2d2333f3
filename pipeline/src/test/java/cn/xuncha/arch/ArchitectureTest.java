package cn.xuncha.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Holds the package architecture: domain logic free of Vert.x, stages not reaching into the CLI. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.xuncha");

    /** Vert.x wiring lives in classes named for it; everything else in a stage is plain Java. */
    private static final String WIRING = "cn\\.xuncha\\..*(Verticle|Routes|Json|Bus|Notifier|Webhook|Mqtt)\\w*(\\$.*)?";

    @Test
    void domainLogicIsFreeOfVertx() {
        noClasses().that().resideInAnyPackage("cn.xuncha.analysis..", "cn.xuncha.cases..", "cn.xuncha.ingest..", "cn.xuncha.config..",
                        "cn.xuncha.models..")
                .and().resideOutsideOfPackage("..web..") // a stage's HTTP/event-bus adapter package
                .and().haveNameNotMatching(WIRING)
                .should().dependOnClassesThat().resideInAPackage("io.vertx..")
                .because("case rules and analysis must run in plain unit tests")
                .check(CLASSES);
    }

    @Test
    void stagesDoNotDependOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("cn.xuncha.cli..")
                .should().dependOnClassesThat().resideInAPackage("cn.xuncha.cli..")
                .check(CLASSES);
    }

    @Test
    void analysisDoesNotReachIntoLaterStages() {
        noClasses().that().resideInAnyPackage("cn.xuncha.ingest..", "cn.xuncha.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.xuncha.cases..", "cn.xuncha.scan..", "cn.xuncha.report..")
                .check(CLASSES);
    }
}
