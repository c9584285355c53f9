package org.queuedesk.server.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A module's package layout as ArchUnit rules (docs/adr/0008-package-layout.md): layers at the bottom
 * (the ground first), feature packages above them, the assembly on top, features meeting only through
 * classes annotated as ports. Packages are counted by their first name under the root ({@code kiosk.print}
 * is part of {@code kiosk}); a package that is neither a layer nor the assembly is a feature, so a new
 * one is guarded from its first class. Shared with the desktop client's test through the test-jar.
 *
 * <p>Each violation names the dependency (with its source line) and says what to do about it: annotate
 * the target as a port, or remove the dependency.
 */
public final class PackageLayout {

    private final String root;
    private final List<String> layers;
    private final String assembly;
    private final Class<? extends Annotation> port;

    private PackageLayout(String root, List<String> layers, String assembly, Class<? extends Annotation> port) {
        this.root = root;
        this.layers = layers;
        this.assembly = assembly;
        this.port = port;
    }

    /**
     * @param layers the shared packages under the features, bottom first: each may use only those below it
     * @param assembly the package on top that wires everything and that nothing imports
     * @param port the annotation that opens a feature's class to other features
     */
    public static PackageLayout of(String root, List<String> layers, String assembly, Class<? extends Annotation> port) {
        return new PackageLayout(root, List.copyOf(layers), assembly, port);
    }

    /** No cycle between the top-level packages: the cycle through every package is what this layout undid. */
    public ArchRule noCycles() {
        return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles()
                .because("a cycle makes every package in it depend on all the others (ADR 0008)");
    }

    /** The ground (and each shared layer) imports only what lies below it: no feature, not the assembly. */
    public ArchRule layersImportOnlyWhatLiesBelow() {
        return classes().that(inPackages("a layer (" + String.join(", ", layers) + ")", layers::contains))
                .should(dependOnly("depend only on layers below them", (from, to) -> {
                    int own = layers.indexOf(from);
                    int other = layers.indexOf(to);
                    if (other >= 0 && other < own) {
                        return null;
                    }
                    return from + " is a layer under " + (other < 0 ? "the features" : to)
                            + ": move what it needs down into " + from + " (or below), or pass it in from above";
                }));
    }

    /** The assembly is on top: no package imports it (the root package's main class may). */
    public ArchRule nothingImportsTheAssembly() {
        return classes().that(inPackages("any package but " + assembly, top -> !top.equals(assembly)))
                .should(dependOnly("not depend on " + assembly, (from, to) -> !to.equals(assembly) ? null
                        : assembly + " is the assembly on top and nothing imports it: move the class down into ground"
                                + " or its feature, or have " + assembly + " pass it in through a constructor"));
    }

    /** A feature uses another feature only through the classes that feature marks as ports. */
    public ArchRule featuresMeetOnlyThroughPorts() {
        return classes().that(inPackages("a feature", this::isFeature))
                .should(new ArchCondition<>("use other features only through @" + port.getSimpleName() + " classes") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String from = topPackage(item);
                        // one violation per class used, however often: the fix is per class
                        Map<JavaClass, List<Dependency>> uses = new TreeMap<>(Comparator.comparing(JavaClass::getName));
                        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                            JavaClass target = outermost(dependency.getTargetClass().getBaseComponentType());
                            String to = topPackage(target);
                            if (to != null && !to.equals(from) && isFeature(to) && !target.isAnnotatedWith(port)) {
                                uses.computeIfAbsent(target, t -> new ArrayList<>()).add(dependency);
                            }
                        }
                        uses.forEach((target, dependencies) -> events.add(SimpleConditionEvent.violated(item,
                                item.getName() + " (feature " + from + ") uses " + target.getName()
                                        + ", which is not a port of " + topPackage(target) + ": annotate "
                                        + target.getSimpleName() + " with @" + port.getSimpleName() + " ("
                                        + port.getName() + ") if other features are meant to use it, or remove"
                                        + " the dependency. First use: " + dependencies.get(0).getDescription()
                                        + (dependencies.size() > 1 ? " (and " + (dependencies.size() - 1) + " more)" : ""))));
                    }
                });
    }

    /** Every port is used by another feature: a port nobody needs any more is a door left open. */
    public ArchRule portsAreUsedByOtherFeatures() {
        return classes().that().areAnnotatedWith(port)
                .should(new ArchCondition<>("be used by another feature") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String own = topPackage(item);
                        boolean used = item.getDirectDependenciesToSelf().stream()
                                .map(dependency -> topPackage(dependency.getOriginClass()))
                                .anyMatch(from -> from != null && !from.equals(own) && isFeature(from));
                        if (!used) {
                            events.add(SimpleConditionEvent.violated(item, item.getName()
                                    + " is annotated @" + port.getSimpleName() + " but no other feature uses it:"
                                    + " remove the annotation (and from the ports list in docs/adr/0008-package-layout.md)"));
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    private boolean isFeature(String top) {
        return !top.isEmpty() && !layers.contains(top) && !top.equals(assembly);
    }

    /** The first package name under the root, "" for the root package itself, null outside the module. */
    private String topPackage(JavaClass type) {
        String name = type.getPackageName();
        if (name.equals(root)) {
            return "";
        }
        if (!name.startsWith(root + ".")) {
            return null;
        }
        String rest = name.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private DescribedPredicate<JavaClass> inPackages(String description, java.util.function.Predicate<String> top) {
        return DescribedPredicate.describe("are in " + description, type -> {
            String name = topPackage(type);
            return name != null && !name.isEmpty() && top.test(name);
        });
    }

    /** Checks each dependency on another top-level package of the module; the verdict is null or advice. */
    private ArchCondition<JavaClass> dependOnly(String description,
                                                java.util.function.BiFunction<String, String, String> verdict) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String from = topPackage(item);
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    String to = topPackage(dependency.getTargetClass().getBaseComponentType());
                    if (to == null || to.equals(from)) {
                        continue;
                    }
                    String advice = verdict.apply(from, to);
                    if (advice != null) {
                        events.add(SimpleConditionEvent.violated(dependency,
                                dependency.getDescription() + ": " + advice));
                    }
                }
            }
        };
    }
}
