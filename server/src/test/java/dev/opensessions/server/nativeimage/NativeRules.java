package dev.opensessions.server.nativeimage;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.lang.ArchRule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What a native image needs that the JVM forgives, checked on the JVM (docs/explanation/performance.md, "Native"):
 * no JDK-internal API, every type handed to Jackson by hand registered for reflection, every resource loaded by
 * name declared in {@code quarkus.native.resources.includes}. Each check takes the classes to look at, so
 * {@code NativeRulesBiteTest} can show it failing on planted violations.
 */
final class NativeRules {

    static final String REGISTER_FOR_REFLECTION = "io.quarkus.runtime.annotations.RegisterForReflection";
    private static final Set<String> MAPPERS = Set.of("com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.databind.ObjectWriter", "com.fasterxml.jackson.databind.ObjectReader");
    /** The calls that bind Java types by reflection; readTree and writeTree handle JsonNode trees and need none. */
    private static final Set<String> BINDING = Set.of("writeValue", "writeValueAsString", "writeValueAsBytes",
            "readValue", "readValues", "treeToValue", "convertValue", "valueToTree", "updateValue", "readerFor",
            "writerFor", "forType", "readerForUpdating", "readerForListOf", "readerForMapOf", "readerForArrayOf");
    private static final Set<String> RESOURCE_LOADERS = Set.of("getResource", "getResourceAsStream",
            "getResources");
    /** How many callers up a value typed {@code Object} is followed to where its type is known. */
    private static final int CALLER_DEPTH = 3;

    private final String root;

    /** Rules for the classes under {@code root} (a package name). */
    NativeRules(String root) {
        this.root = root;
    }

    /** No class calls an API the JDK does not export: a native image fails to link on them. */
    ArchRule noJdkInternals() {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage("com.sun..", "sun..", "jdk.internal..")
                .because("a native image cannot link JDK-internal classes (com.sun.security.auth.module.UnixSystem "
                        + "broke the native build once)");
    }

    /**
     * The types Jackson must see by reflection because code hands them to an {@code ObjectMapper},
     * {@code ObjectWriter} or {@code ObjectReader} binding call, each with where it was found: what the calling
     * method constructs, names as a class literal, gets back from a call or takes as a parameter (a parameter of
     * type {@code Object} is followed to the callers), then everything those types hold (record components and
     * fields, list elements) and, for an interface, its implementations. Only records, enums and interfaces
     * with a Jackson annotation under the root count: what else a method touches is not what it serializes.
     */
    Map<String, String> handSerialized(JavaClasses classes) {
        Map<String, String> found = new LinkedHashMap<>();
        for (JavaClass owner : classes) {
            for (JavaMethodCall call : owner.getMethodCallsFromSelf()) {
                if (MAPPERS.contains(call.getTargetOwner().getName()) && BINDING.contains(call.getTarget().getName())) {
                    String site = call.getOrigin().getFullName();
                    valuesAt(call.getOrigin(), 0).forEach(type -> found.putIfAbsent(type.getName(), "given to Jackson in " + site));
                }
            }
        }
        Deque<String> pending = new ArrayDeque<>(found.keySet());
        while (!pending.isEmpty()) {
            JavaClass type = classes.get(pending.pop());
            for (JavaClass held : held(type)) {
                if (wire(held) && found.putIfAbsent(held.getName(), "held by " + type.getName()) == null) {
                    pending.push(held.getName());
                }
            }
        }
        return found;
    }

    /** The hand-serialized types that are neither annotated nor listed in any {@code targets} of the annotation. */
    List<String> unregistered(JavaClasses classes) {
        Set<String> registered = registered(classes);
        List<String> missing = new ArrayList<>();
        handSerialized(classes).forEach((type, why) -> {
            if (!registered.contains(type)) {
                missing.add(type + " (" + why + ")");
            }
        });
        return missing;
    }

    /** Every type carrying {@code @RegisterForReflection} or named in the {@code targets} of one. */
    static Set<String> registered(JavaClasses classes) {
        Set<String> registered = new TreeSet<>();
        for (JavaClass type : classes) {
            type.tryGetAnnotationOfType(REGISTER_FOR_REFLECTION).ifPresent(annotation -> {
                Object[] targets = (Object[]) annotation.get("targets").orElse(new Object[0]);
                if (targets.length == 0) {
                    registered.add(type.getName());
                }
                for (Object target : targets) {
                    registered.add(((JavaClass) target).getName());
                }
            });
        }
        return registered;
    }

    private Set<JavaClass> valuesAt(JavaCodeUnit unit, int depth) {
        Set<JavaClass> values = new LinkedHashSet<>();
        unit.getReferencedClassObjects().forEach(literal -> values.add(literal.getRawType()));
        unit.getConstructorCallsFromSelf().forEach(call -> values.add(call.getTargetOwner()));
        unit.getMethodCallsFromSelf().forEach(call -> call.getTarget().resolveMember()
                .ifPresent(method -> values.addAll(rawTypes(method.getReturnType()))));
        boolean untyped = false;
        for (JavaType parameter : unit.getParameterTypes()) {
            values.addAll(rawTypes(parameter));
            untyped |= parameter.toErasure().getName().equals(Object.class.getName());
        }
        if (untyped && depth < CALLER_DEPTH) {
            unit.getAccessesToSelf().forEach(access -> values.addAll(valuesAt(access.getOrigin(), depth + 1)));
        }
        values.removeIf(type -> !wire(type));
        return values;
    }

    /**
     * What this code base serializes: its records, enums and Jackson-annotated interfaces outside the domain and
     * application layers (those never reach Jackson: wire formats are protocol records and adapter views), and of
     * the records only those that hold nothing of this code base but such types (a record of services is not a
     * message).
     */
    private boolean wire(JavaClass type) {
        if (!shaped(type) || type.getPackageName().contains(".domain") || type.getPackageName().contains(".application")) {
            return false;
        }
        return !type.isRecord() || held(type).stream()
                .filter(held -> held.getPackageName().startsWith(root))
                .allMatch(held -> shaped(held) || held.isInterface() && !held.getSubclasses().isEmpty()
                        && held.getSubclasses().stream().allMatch(this::shaped));
    }

    private boolean shaped(JavaClass type) {
        if (!type.getPackageName().startsWith(root) || type.isArray()) {
            return false;
        }
        return type.isRecord() || type.isEnum()
                || type.isInterface() && type.getAnnotations().stream().map(JavaAnnotation::getRawType)
                .anyMatch(annotation -> annotation.getPackageName().startsWith("com.fasterxml.jackson"));
    }

    private static Set<JavaClass> held(JavaClass type) {
        Set<JavaClass> held = new LinkedHashSet<>();
        for (JavaField field : type.getFields()) {
            if (!field.getModifiers().contains(JavaModifier.STATIC)) {
                held.addAll(rawTypes(field.getType()));
            }
        }
        if (type.isInterface()) {
            held.addAll(type.getSubclasses());
        }
        return held;
    }

    private static Set<JavaClass> rawTypes(JavaType type) {
        Set<JavaClass> raw = new LinkedHashSet<>();
        raw.add(type.toErasure().isArray() ? type.toErasure().getBaseComponentType() : type.toErasure());
        if (type instanceof JavaParameterizedType parameterized) {
            parameterized.getActualTypeArguments().forEach(argument -> raw.addAll(rawTypes(argument)));
        } else if (type instanceof JavaWildcardType wildcard) {
            wildcard.getUpperBounds().forEach(bound -> raw.addAll(rawTypes(bound)));
        }
        return raw;
    }

    /**
     * The resources that classes under the root may load by name and a native image would lack: for every class
     * that calls {@code getResource}, {@code getResourceAsStream} or {@code getResources}, each file in its
     * package's folder on the class path (a name is resolved against that folder) that no glob of
     * {@code includes} matches.
     */
    List<String> undeclaredResources(JavaClasses classes, List<String> includes) {
        List<PathMatcherGlob> globs = includes.stream().map(PathMatcherGlob::new).toList();
        Set<String> missing = new TreeSet<>();
        for (JavaClass owner : classes) {
            boolean loads = owner.getMethodCallsFromSelf().stream()
                    .anyMatch(call -> RESOURCE_LOADERS.contains(call.getTarget().getName())
                            && Set.of(Class.class.getName(), ClassLoader.class.getName())
                            .contains(call.getTargetOwner().getName()));
            if (loads) {
                for (String resource : resourcesBeside(owner)) {
                    if (globs.stream().noneMatch(glob -> glob.matches(resource))) {
                        missing.add(resource + " (loadable by " + owner.getName() + ")");
                    }
                }
            }
        }
        return List.copyOf(missing);
    }

    /** The non-class files in the package folder of {@code owner} and below, as class-path names. */
    private static List<String> resourcesBeside(JavaClass owner) {
        String folder = owner.getPackageName().replace('.', '/');
        URL location = owner.reflect().getResource("/" + folder);
        if (location == null) {
            return List.of();
        }
        try {
            URI uri = location.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException notOpen) {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                }
                return files(jar.getPath("/" + folder), folder);
            }
            return files(Path.of(uri), folder);
        } catch (URISyntaxException | IOException unreadable) {
            throw new IllegalStateException("cannot list the resources beside " + owner.getName(), unreadable);
        }
    }

    private static List<String> files(Path dir, String folder) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(file -> !file.toString().endsWith(".class"))
                    .map(file -> folder + "/" + dir.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        }
    }

    /** A glob of {@code quarkus.native.resources.includes}: {@code *} within one folder, {@code **} across folders. */
    private record PathMatcherGlob(Pattern pattern) {
        PathMatcherGlob(String glob) {
            this(Pattern.compile(toRegex(glob.strip())));
        }

        boolean matches(String resource) {
            return pattern.matcher(resource).matches();
        }

        private static String toRegex(String glob) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else if (c == '*') {
                    regex.append("[^/]*");
                } else if (c == '?') {
                    regex.append("[^/]");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return regex.toString();
        }
    }
}
