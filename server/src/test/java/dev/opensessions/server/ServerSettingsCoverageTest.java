package dev.opensessions.server;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code opensessions.*} property a module reads by {@link ConfigProperty} is declared in {@link ServerSettings}:
 * the mapping owns the prefix, and a property under it that the mapping does not declare fails the server's start
 * as soon as a user sets it.
 */
class ServerSettingsCoverageTest {

    private static final String PREFIX = "opensessions.";

    @Test
    void everyOpensessionsPropertyReadByAModuleIsDeclaredInTheMapping() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.opensessions");

        List<String> read = propertiesRead(production);

        assertThat(read).as("the check sees the properties the adapters read")
                .contains("opensessions.websocket.send-deadline", "opensessions.http.body-deadline");
        assertThat(read.stream().filter(name -> declared(name).isEmpty()))
                .as("declare these in ServerSettings").isEmpty();
    }

    @Test
    void aPropertyTheMappingDoesNotDeclareIsFound() {
        assertThat(declared("opensessions.websocket.send-deadline")).isPresent();
        assertThat(declared("opensessions.websocket.no-such-setting")).isEmpty();
        assertThat(declared("opensessions.no-such-group.send-deadline")).isEmpty();
        assertThat(declared("opensessions.websocket")).as("a group is not a value").isEmpty();
    }

    private static List<String> propertiesRead(JavaClasses classes) {
        TreeSet<String> names = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            Stream.concat(javaClass.getConstructors().stream(), javaClass.getMethods().stream())
                    .map(JavaCodeUnit::getParameters).flatMap(List::stream)
                    .map(ServerSettingsCoverageTest::property).flatMap(Optional::stream)
                    .forEach(names::add);
            javaClass.getFields().forEach(field -> field.tryGetAnnotationOfType(ConfigProperty.class)
                    .map(ConfigProperty::name).ifPresent(names::add));
        }
        return names.stream().filter(name -> name.startsWith(PREFIX)).toList();
    }

    private static Optional<String> property(JavaParameter parameter) {
        return parameter.tryGetAnnotationOfType(ConfigProperty.class).map(ConfigProperty::name);
    }

    /** The mapping's method for a property name, walking nested groups; empty when it is not declared. */
    private static Optional<Method> declared(String property) {
        if (!property.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] path = property.substring(PREFIX.length()).split("\\.");
        Class<?> group = ServerSettings.class;
        Method method = null;
        for (String segment : path) {
            if (method != null) {
                group = method.getReturnType();
            }
            if (!group.isInterface()) {
                return Optional.empty();
            }
            method = Arrays.stream(group.getMethods()).filter(m -> m.getParameterCount() == 0)
                    .filter(m -> kebab(m.getName()).equals(segment)).findFirst().orElse(null);
            if (method == null) {
                return Optional.empty();
            }
        }
        boolean isGroup = method.getReturnType().isInterface()
                && method.getReturnType().getName().startsWith(ServerSettings.class.getName());
        return isGroup ? Optional.empty() : Optional.of(method);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
