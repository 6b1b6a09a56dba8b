package dev.opensessions.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules of DESIGN section 3, written as allow-lists over a root package so the same rules
 * can be run against a deliberately broken fixture to show that they bite.
 */
final class LayerRules {

    private static final String[] JDK = {"java..", "javax.annotation.."};
    private static final String[] QUARKUS_EDGE = {
            "jakarta..", "io.quarkus..", "io.vertx..", "io.smallrye..", "org.jboss..", "org.eclipse.microprofile..",
            "com.fasterxml.jackson..", "io.netty.."};

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
                pkg("application.service"), pkg("protocol"), pkg("adapters.persistence"), pkg("adapters.tmux"), pkg("adapters.agents"), pkg("adapters.http"),
                pkg("adapters.websocket"), pkg("sidebar.model"), pkg("sidebar.update"), pkg("sidebar.view"),
                pkg("sidebar.runtime"), pkg("server"));
    }

    List<ArchRule> all() {
        return List.of(domainIsPure(), applicationDependsOnlyOnDomain(), protocolIsWireOnly(),
                persistenceStaysInItsLane(), tmuxStaysInItsLane(), agentsStayInTheirLane(), httpStaysInItsLane(), websocketStaysInItsLane(),
                sidebarCoreIsPure(), sidebarCoreIsLayered(), sidebarUpdateAndViewAreApart(), sidebarViewDoesNotUpdate(),
                sidebarRuntimeStaysInItsLane(),
                onlyTheServerBuildsServices(), inboundPortsAreInterfaces());
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
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK,
                        "com.fasterxml.jackson.annotation..", pkg("protocol"), pkg("domain"),
                        pkg("application.state")))
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
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(concat(JDK, QUARKUS_EDGE),
                        pkg(layer), pkg("protocol"), pkg("application.port.in"), pkg("application.state"),
                        pkg("application.security"), pkg("domain")))
                .as(layer + " calls use cases through inbound ports and uses no other adapter");
    }

    ArchRule sidebarCoreIsPure() {
        return classes().that().resideInAnyPackage(pkg("sidebar.model"), pkg("sidebar.update"), pkg("sidebar.view"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, pkg("sidebar.model"),
                        pkg("sidebar.update"), pkg("sidebar.view"), pkg("application.state"), pkg("domain")))
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
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, "dev.tamboui..", pkg("sidebar"),
                        pkg("application.port.in"), pkg("application.state"), pkg("application.security"),
                        pkg("domain")))
                .as("the sidebar runtime drives use cases through inbound ports and uses no other adapter");
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

    private static String[] concat(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }
}
