package dev.opensessions.adapters.host;

import dev.opensessions.application.port.out.LocalSystem;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The core's {@link LocalSystem} on this machine: programs looked up on the PATH, URLs handed to the desktop's
 * opener, project folders found under the sessionizer roots. The environment is given, never read globally.
 */
public final class HostSystem implements LocalSystem {

    private static final System.Logger LOG = System.getLogger(HostSystem.class.getName());
    /** The only URLs the sidebar opens: a local port, as its port links show. */
    private static final Pattern LOCAL_URL = Pattern.compile("http://(localhost|127\\.0\\.0\\.1):[0-9]{1,5}/?");

    private final Map<String, String> environment;
    private final String opener;

    /** For this machine's operating system. */
    public HostSystem(Map<String, String> environment) {
        this(environment, System.getProperty("os.name", ""));
    }

    HostSystem(Map<String, String> environment, String osName) {
        this.environment = Map.copyOf(environment);
        this.opener = osName.toLowerCase(Locale.ROOT).contains("mac") ? "open" : "xdg-open";
    }

    /** Bare names only: a path or an empty name is never looked up. */
    @Override
    public boolean available(String program) {
        return locate(program).isPresent();
    }

    /**
     * Starts the opener with the URL as its one argument and forgets it: output discarded, never waited on.
     *
     * @throws IllegalArgumentException for anything but {@code http://localhost:<port>}
     */
    @Override
    public Optional<String> openUrl(String url) {
        if (url == null || !LOCAL_URL.matcher(url).matches()) {
            throw new IllegalArgumentException("only http://localhost:<port> URLs are opened");
        }
        Optional<Path> program = locate(opener);
        if (program.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, opener + " is not on the PATH; cannot open " + url);
            return Optional.of(opener + " is not installed, so no browser opens; open " + url + " yourself");
        }
        ProcessBuilder builder = new ProcessBuilder(program.get().toString(), url)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            builder.start();
            return Optional.empty();
        } catch (IOException failed) {
            LOG.log(System.Logger.Level.WARNING, "could not start " + opener, failed);
            return Optional.of(opener + " could not be started; open " + url + " yourself");
        }
    }

    @Override
    public List<String> projectDirectories(int limit) {
        return new ProjectFolders(roots(), depth()).list(limit);
    }

    private Optional<Path> locate(String program) {
        if (program == null || program.isEmpty() || program.contains("/") || program.indexOf('\0') >= 0
                || program.equals(".") || program.equals("..")) {
            return Optional.empty();
        }
        for (String folder : environment.getOrDefault("PATH", "").split(":")) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private List<Path> roots() {
        List<Path> roots = new ArrayList<>();
        for (String root : environment.getOrDefault("SESSIONIZER_DIR", "").split(":")) {
            if (!root.isBlank()) {
                roots.add(Path.of(root));
            }
        }
        if (roots.isEmpty()) {
            Path home = Path.of(Objects.requireNonNullElse(environment.get("HOME"), System.getProperty("user.home")));
            Path documents = home.resolve("Documents");
            roots.add(Files.isDirectory(documents) ? documents : home);
        }
        return roots;
    }

    private int depth() {
        String value = environment.getOrDefault("SESSIONIZER_MAXDEPTH", "");
        return value.matches("[0-9]{1,2}") && Integer.parseInt(value) > 0 ? Integer.parseInt(value) : 3;
    }
}
