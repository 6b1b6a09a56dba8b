package dev.opensessions.server.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules of the hexagonal layout (docs/explanation/architecture.md, "Modules"), written as
 * allow-lists over a root package so the same rules can be run against a deliberately broken fixture to
 * show that they bite.
 */
final class LayerRules {

    private static final String[] JDK = {"java..", "javax.annotation.."};
    private static final String[] QUARKUS_EDGE = {
            "jakarta..", "io.quarkus..", "io.vertx..", "io.smallrye..", "org.jboss..", "org.eclipse.microprofile..",
            "com.fasterxml.jackson..", "io.netty.."};

    /** What the state owner publishes for readers; everything else in {@code application.state} is the owner's. */
    private static final Set<String> SNAPSHOT_SURFACE = Set.of("StateSnapshot", "Subscription", "SnapshotListener");

    /** Types that reach outside the process or the machine: files, sockets, databases, processes. */
    private static final DescribedPredicate<JavaClass> OUTSIDE_WORLD_TYPE = DescribedPredicate.describe(
            "a file, stream, socket, database or process type", LayerRules::isOutsideWorldType);

    /** Calls that read the clock, the environment or system properties, or print. */
    private static final DescribedPredicate<JavaAccess<?>> OUTSIDE_WORLD_ACCESS = DescribedPredicate.describe(
            "the system clock, the environment, system properties or the standard streams",
            access -> isOutsideWorldAccess(access.getTargetOwner().getName(), access.getName()));

    private final String root;

    LayerRules(String root) {
        this.root = root;
    }

    String pkg(String layer) {
        return root + "." + layer + "..";
    }

    /** Every package a rule names; each must hold classes, or the rule would check nothing. */
    List<String> namedPackages() {
        return List.of(pkg("domain"), pkg("application"), pkg("application.port.in"), pkg("application.port.out"),
                pkg("application.service"), pkg("protocol"), pkg("adapters.persistence"), pkg("adapters.tmux"), pkg("adapters.host"), pkg("adapters.agents"),
                pkg("adapters.http"), pkg("adapters.websocket"), pkg("sidebar.model"), pkg("sidebar.update"), pkg("sidebar.view"),
                pkg("sidebar.runtime"), pkg("server"));
    }

    /**
     * The packages the rules check: those a rule starts from (its {@code that()}), and the server, which
     * {@link #nothingDependsOnTheServer} guards. Every production package must lie inside one, or no rule
     * checks it.
     */
    List<String> subjectPackages() {
        return List.of(pkg("domain"), pkg("application"), pkg("protocol"), pkg("adapters.persistence"),
                pkg("adapters.tmux"), pkg("adapters.host"), pkg("adapters.agents"), pkg("adapters.http"),
                pkg("adapters.websocket"), pkg("sidebar.model"), pkg("sidebar.update"), pkg("sidebar.view"), pkg("sidebar.runtime"),
                pkg("server"));
    }

    List<ArchRule> all() {
        return List.of(domainIsPure(), applicationDependsOnlyOnDomain(), protocolIsWireOnly(),
                persistenceStaysInItsLane(), tmuxStaysInItsLane(), hostStaysInItsLane(), agentsStayInTheirLane(), httpStaysInItsLane(), websocketStaysInItsLane(),
                sidebarCoreIsPure(), sidebarCoreIsLayered(), sidebarUpdateAndViewAreApart(), sidebarViewDoesNotUpdate(),
                sidebarRuntimeStaysInItsLane(), inboundAdaptersNeverTouchTheStateOwner(),
                domainTouchesNoOutsideWorld(), sidebarCoreTouchesNoOutsideWorld(),
                onlyTheServerBuildsServices(), nothingDependsOnTheServer(), inboundPortsAreInterfaces());
    }

    ArchRule domainIsPure() {
        return classes().that().resideInAPackage(pkg("domain"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, pkg("domain")))
                .as("the domain depends on the JDK only");
    }

    ArchRule applicationDependsOnlyOnDomain() {
        return classes().that().resideInAPackage(pkg("application"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, pkg("domain"), pkg("application")))
                .as("the application depends on the domain and the JDK only");
    }

    ArchRule protocolIsWireOnly() {
        return classes().that().resideInAPackage(pkg("protocol"))
                .should().onlyDependOnClassesThat(resideInAnyPackage(concat(JDK,
                        "com.fasterxml.jackson.annotation..", pkg("protocol"), pkg("domain")))
                        .or(snapshotSurface()))
                .as("wire records use Jackson annotations and read snapshots, nothing else");
    }

    ArchRule persistenceStaysInItsLane() {
        return classes().that().resideInAPackage(pkg("adapters.persistence"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, "javax.sql..", "org.sqlite..",
                        "com.fasterxml.jackson..", pkg("adapters.persistence"), pkg("application.port.out"),
                        pkg("application.state"), pkg("application.service"), pkg("domain")))
                .as("the persistence adapter implements outbound ports and uses no other adapter");
    }

    ArchRule tmuxStaysInItsLane() {
        return classes().that().resideInAPackage(pkg("adapters.tmux"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, pkg("adapters.tmux"),
                        pkg("application.port.out"), pkg("domain")))
                .as("the tmux adapter is plain Java behind outbound ports and uses no other adapter");
    }

    ArchRule hostStaysInItsLane() {
        return classes().that().resideInAPackage(pkg("adapters.host"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, pkg("adapters.host"),
                        pkg("application.port.out")))
                .as("the host adapter finds programs, opens URLs and lists folders behind LocalSystem, nothing else");
    }

    ArchRule agentsStayInTheirLane() {
        return classes().that().resideInAPackage(pkg("adapters.agents"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, pkg("adapters.agents"),
                        "com.fasterxml.jackson..", "org.sqlite..", pkg("application.port.out"), pkg("domain")))
                .as("agent sources read files and stores behind the AgentSource port and use no other adapter");
    }

    ArchRule httpStaysInItsLane() {
        return inboundAdapter("adapters.http");
    }

    ArchRule websocketStaysInItsLane() {
        return inboundAdapter("adapters.websocket");
    }

    private ArchRule inboundAdapter(String layer) {
        return classes().that().resideInAPackage(pkg(layer))
                .should().onlyDependOnClassesThat(resideInAnyPackage(concat(concat(JDK, QUARKUS_EDGE),
                        pkg(layer), pkg("protocol"), pkg("application.port.in"), pkg("application.security"),
                        pkg("domain"))).or(snapshotSurface()))
                .as(layer + " calls use cases through inbound ports and uses no other adapter");
    }

    ArchRule sidebarCoreIsPure() {
        return classes().that().resideInAnyPackage(pkg("sidebar.model"), pkg("sidebar.update"), pkg("sidebar.view"))
                .should().onlyDependOnClassesThat(resideInAnyPackage(concat(JDK, pkg("sidebar.model"),
                        pkg("sidebar.update"), pkg("sidebar.view"), pkg("domain"))).or(snapshotSurface()))
                .as("the sidebar's model, update and view are pure: no terminal library, no framework, no I/O port");
    }

    /** The Elm layering inside the sidebar core: the model knows neither update nor view, and they not each other. */
    ArchRule sidebarCoreIsLayered() {
        return noClasses().that().resideInAPackage(pkg("sidebar.model"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("sidebar.update"), pkg("sidebar.view"))
                .orShould().dependOnClassesThat().resideInAnyPackage(pkg("sidebar.runtime"))
                .as("the sidebar model depends on neither its update, its view nor the runtime");
    }

    ArchRule sidebarUpdateAndViewAreApart() {
        return noClasses().that().resideInAPackage(pkg("sidebar.update"))
                .should().dependOnClassesThat().resideInAPackage(pkg("sidebar.view"))
                .as("the sidebar's update does not depend on its view (shared geometry lives in the model)");
    }

    ArchRule sidebarViewDoesNotUpdate() {
        return noClasses().that().resideInAPackage(pkg("sidebar.view"))
                .should().dependOnClassesThat().resideInAPackage(pkg("sidebar.update"))
                .as("the sidebar's view does not depend on its update");
    }

    ArchRule sidebarRuntimeStaysInItsLane() {
        return classes().that().resideInAPackage(pkg("sidebar.runtime"))
                .should().onlyDependOnClassesThat(resideInAnyPackage(concat(JDK, "dev.tamboui..", pkg("sidebar"),
                        pkg("application.port.in"), pkg("application.security"), pkg("domain")))
                        .or(snapshotSurface()))
                .as("the sidebar runtime drives use cases through inbound ports and uses no other adapter");
    }

    /**
     * The driving adapters (HTTP, WebSocket, the sidebar) and the wire records read snapshots and call use
     * cases; applying a change, building a state or reaching a service is the core's business.
     */
    ArchRule inboundAdaptersNeverTouchTheStateOwner() {
        return noClasses().that().resideInAnyPackage(pkg("adapters.http"), pkg("adapters.websocket"),
                        pkg("sidebar"), pkg("protocol"))
                .should().dependOnClassesThat(resideInAnyPackage(pkg("application.state"), pkg("application.service"))
                        .and(DescribedPredicate.not(snapshotSurface())))
                .as("inbound adapters see snapshots and use cases, never the state owner or a service");
    }

    ArchRule domainTouchesNoOutsideWorld() {
        return touchesNoOutsideWorld(pkg("domain"))
                .as("the domain uses no I/O, clock, environment, system property or database");
    }

    ArchRule sidebarCoreTouchesNoOutsideWorld() {
        return touchesNoOutsideWorld(pkg("sidebar.model"), pkg("sidebar.update"), pkg("sidebar.view"))
                .as("the sidebar's model, update and view use no I/O, clock, environment, system property or database");
    }

    private static ArchRule touchesNoOutsideWorld(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat(OUTSIDE_WORLD_TYPE)
                .orShould().accessTargetWhere(OUTSIDE_WORLD_ACCESS);
    }

    /** The composition root is the top: nothing else may depend on it. */
    ArchRule nothingDependsOnTheServer() {
        return noClasses().that().resideOutsideOfPackage(pkg("server"))
                .and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage(pkg("server"))
                .as("nothing depends on the server, the composition root");
    }

    ArchRule onlyTheServerBuildsServices() {
        return noClasses().that().resideOutsideOfPackages(pkg("server"), pkg("application.service"))
                .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates
                        .target(com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With
                                .owner(com.tngtech.archunit.core.domain.JavaClass.Predicates
                                        .resideInAPackage(pkg("application.service")))))
                .as("only the server composes services");
    }

    ArchRule inboundPortsAreInterfaces() {
        return classes().that().resideInAPackage(pkg("application.port.in"))
                .and().haveSimpleNameEndingWith("UseCase")
                .should().beInterfaces()
                .as("use cases are interfaces");
    }

    /** Packages named by the rules that hold no class in the given import. */
    List<String> emptyPackages(JavaClasses imported) {
        List<String> empty = new ArrayList<>();
        for (String pkg : namedPackages()) {
            String prefix = pkg.substring(0, pkg.length() - 2);
            boolean any = imported.stream().anyMatch(c -> c.getPackageName().equals(prefix)
                    || c.getPackageName().startsWith(prefix + "."));
            if (!any) {
                empty.add(pkg);
            }
        }
        return empty;
    }

    /** Production packages that lie inside no rule's subject package: nothing checks them. */
    Set<String> uncoveredPackages(JavaClasses imported) {
        Set<String> uncovered = new TreeSet<>();
        for (JavaClass type : imported) {
            String name = type.getPackageName();
            boolean covered = subjectPackages().stream().map(p -> p.substring(0, p.length() - 2))
                    .anyMatch(p -> name.equals(p) || name.startsWith(p + "."));
            if (!covered) {
                uncovered.add(name);
            }
        }
        return uncovered;
    }

    private DescribedPredicate<JavaClass> snapshotSurface() {
        String state = root + ".application.state.";
        return DescribedPredicate.describe("the published snapshot (" + String.join(", ", new TreeSet<>(SNAPSHOT_SURFACE)) + ")",
                type -> type.getName().startsWith(state)
                        && SNAPSHOT_SURFACE.contains(type.getName().substring(state.length()).split("\\$")[0]));
    }

    private static boolean isOutsideWorldType(JavaClass type) {
        String name = type.getName();
        if (name.equals("java.nio.file.Path") || name.equals("java.nio.file.InvalidPathException")
                || name.equals("java.io.Serializable")) {
            return false; // a path is a value until someone opens it; opening goes through Files, forbidden below
        }
        return Stream.of("java.io.", "java.nio.file.", "java.nio.channels.", "java.net.", "java.sql.", "javax.sql.",
                        "java.net.http.").anyMatch(name::startsWith)
                || Set.of("java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle", "java.lang.Runtime")
                .contains(name.split("\\$")[0]);
    }

    private static boolean isOutsideWorldAccess(String owner, String member) {
        if (owner.equals("java.lang.System")) {
            return Set.of("getenv", "getProperty", "getProperties", "setProperty", "clearProperty",
                    "currentTimeMillis", "nanoTime", "out", "err", "in", "console", "exit").contains(member);
        }
        if (owner.startsWith("java.time.")) {
            return member.equals("now") || owner.equals("java.time.Clock") && member.startsWith("system")
                    || owner.equals("java.time.InstantSource") && member.equals("system");
        }
        return false;
    }

    private static DescribedPredicate<JavaClass> resideInAnyPackage(String... packages) {
        return JavaClass.Predicates.resideInAnyPackage(packages);
    }

    private static String[] concat(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }
}
