package org.queuedesk.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.queuedesk.desktop.ground.Port;
import org.queuedesk.server.testing.PackageLayout;

/**
 * The client's package layout (docs/adr/0008-package-layout.md): ground, then the transport ({@code api}),
 * then what every desk follows live ({@code live}), the features above them, the shell ({@code app}) on top.
 */
@AnalyzeClasses(packages = "org.queuedesk.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class DesktopArchitectureTest {

    private static final PackageLayout LAYOUT =
            PackageLayout.of("org.queuedesk.desktop", List.of("ground", "api", "live"), "app", Port.class);

    @ArchTest
    static final ArchRule noPackageCycles = LAYOUT.noCycles();

    @ArchTest
    static final ArchRule groundApiAndLiveImportOnlyWhatLiesBelow = LAYOUT.layersImportOnlyWhatLiesBelow();

    @ArchTest
    static final ArchRule noFeatureImportsTheShell = LAYOUT.nothingImportsTheAssembly();

    @ArchTest
    static final ArchRule featuresMeetOnlyThroughPorts = LAYOUT.featuresMeetOnlyThroughPorts();

    @ArchTest
    static final ArchRule everyPortIsUsedByAnotherFeature = LAYOUT.portsAreUsedByOtherFeatures();

    /** View-models hold state and logic, views hold controls: a view-model is testable without a scene. */
    @ArchTest
    static final ArchRule viewModelsSeeNoScene = noClasses().that(DescribedPredicate.describe(
                    "are view-models (or nested in one)", DesktopArchitectureTest::inViewModel))
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("a view-model exposes properties (javafx.beans, javafx.collections) that its view binds to"
                    + " controls; move the scene code into the view");

    private static boolean inViewModel(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer.getSimpleName().endsWith("ViewModel");
    }
}
