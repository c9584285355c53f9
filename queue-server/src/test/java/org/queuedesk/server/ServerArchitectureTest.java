package org.queuedesk.server;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.queuedesk.server.ground.Port;
import org.queuedesk.server.testing.PackageLayout;

/** The server's package layout (docs/adr/0008-package-layout.md): ground, features, the assembly on top. */
@AnalyzeClasses(packages = "org.queuedesk.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    private static final PackageLayout LAYOUT =
            PackageLayout.of("org.queuedesk.server", List.of("ground"), "app", Port.class);

    @ArchTest
    static final ArchRule noPackageCycles = LAYOUT.noCycles();

    @ArchTest
    static final ArchRule groundImportsNoFeatureAndNotTheAssembly = LAYOUT.layersImportOnlyWhatLiesBelow();

    @ArchTest
    static final ArchRule noFeatureImportsTheAssembly = LAYOUT.nothingImportsTheAssembly();

    @ArchTest
    static final ArchRule featuresMeetOnlyThroughPorts = LAYOUT.featuresMeetOnlyThroughPorts();

    @ArchTest
    static final ArchRule everyPortIsUsedByAnotherFeature = LAYOUT.portsAreUsedByOtherFeatures();
}
