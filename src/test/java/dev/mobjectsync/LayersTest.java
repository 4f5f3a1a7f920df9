package dev.mobjectsync;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The packages in layers (README, "Layout"), read from the compiled classes: what flows through the
 * pipeline ({@code model}) and the configuration at the bottom; reading and the channels on them; the
 * gateway seam ({@code marketo}) above, with the REST gateway beside the SOAP one behind it; batching,
 * the sending stage and the sources above those; the status page and metrics ({@code ops}) on top.
 * The simulator stands alone: it uses nothing of the pipeline and the pipeline nothing of it.
 */
class LayersTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mobjectsync");

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("dev.mobjectsync.(**)").should().beFreeOfCycles().check(PRODUCT);
    }

    @Test
    void eachPackageUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Contract").definedBy("dev.mobjectsync")
                .layer("Model").definedBy("dev.mobjectsync.model..")
                .layer("Config").definedBy("dev.mobjectsync.config..")
                .layer("Reading").definedBy("dev.mobjectsync.record..")
                .layer("Channels").definedBy("dev.mobjectsync.outcome..")
                .layer("Seam").definedBy("dev.mobjectsync.marketo")
                .layer("Rest").definedBy("dev.mobjectsync.marketo.rest..")
                .layer("Batching").definedBy("dev.mobjectsync.batch..")
                .layer("Sending").definedBy("dev.mobjectsync.sending..")
                .layer("Sources").definedBy("dev.mobjectsync.source..")
                .layer("Ops").definedBy("dev.mobjectsync.ops..")
                .layer("Simulator").definedBy("dev.mobjectsync.simulator..")

                .whereLayer("Model").mayNotAccessAnyLayer()
                .whereLayer("Config").mayOnlyAccessLayers("Model")
                .whereLayer("Ops").mayNotBeAccessedByAnyLayer()
                .whereLayer("Sources").mayOnlyBeAccessedByLayers("Ops")
                .whereLayer("Sending").mayOnlyBeAccessedByLayers("Ops")
                .whereLayer("Batching").mayOnlyBeAccessedByLayers("Sending", "Ops")
                .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("Seam").mayOnlyBeAccessedByLayers("Rest", "Sending", "Ops")
                .whereLayer("Channels").mayOnlyBeAccessedByLayers("Sending", "Ops")
                .whereLayer("Reading").mayOnlyBeAccessedByLayers("Batching", "Sending", "Sources", "Ops")
                .whereLayer("Simulator").mayNotBeAccessedByAnyLayer()
                .whereLayer("Simulator").mayNotAccessAnyLayer()
                .check(PRODUCT);
    }
}
