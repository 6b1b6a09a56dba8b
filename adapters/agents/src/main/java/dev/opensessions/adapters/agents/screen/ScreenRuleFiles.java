package dev.opensessions.adapters.agents.screen;

import dev.opensessions.domain.agent.screen.ScreenRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Loads the agents' screen rules: the ones shipped in the jar ({@code rules/} beside this class, listed in its
 * {@code index}), then every {@code *.json} in the user's folder ({@code ~/.config/opensessions/agents/}),
 * read anew on each {@link #load()} so a new file needs no rebuild. A user's rule for an agent replaces the
 * shipped one; a file that is not a valid rule is reported and skipped, and changes nothing.
 */
public final class ScreenRuleFiles {

    /** The user's rule folder, under the config folder that holds {@code config.json}. */
    public static final String USER_FOLDER = "agents";

    private static final System.Logger LOG = System.getLogger(ScreenRuleFiles.class.getName());
    private static final String SHIPPED = "rules/";

    private final Path userFolder;

    /** @param userFolder the folder of the user's rule files; it need not exist */
    public ScreenRuleFiles(Path userFolder) {
        this.userFolder = Objects.requireNonNull(userFolder, "userFolder");
    }

    /** The shipped rules and the user's, one per agent, and what was wrong with the files skipped. */
    public ScreenRules load() {
        Map<String, ScreenRule> rules = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String file : shippedFiles()) {
            ScreenRule rule = ScreenRuleJson.parse(resource(file));
            rules.put(rule.agent(), rule);
        }
        for (Path file : userFiles(problems)) {
            try {
                ScreenRule rule = ScreenRuleJson.parse(Files.readString(file, StandardCharsets.UTF_8));
                rules.put(rule.agent(), rule);
            } catch (IOException | IllegalArgumentException bad) {
                String problem = file + ": skipped: " + bad.getMessage();
                LOG.log(System.Logger.Level.WARNING, problem);
                problems.add(problem);
            }
        }
        return new ScreenRules(List.copyOf(rules.values()), problems);
    }

    private static List<String> shippedFiles() {
        return resource("index").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static String resource(String name) {
        try (InputStream in = ScreenRuleFiles.class.getResourceAsStream(SHIPPED + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + SHIPPED + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + SHIPPED + name, unreadable);
        }
    }

    /** The folder's rule files in name order, so which of two files for one agent wins does not depend on the disk. */
    private TreeSet<Path> userFiles(List<String> problems) {
        TreeSet<Path> files = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(userFolder, "*.json")) {
            entries.forEach(files::add);
        } catch (NoSuchFileException | NotDirectoryException absent) {
            return files;
        } catch (IOException unreadable) {
            String problem = userFolder + ": cannot list: " + unreadable.getMessage();
            LOG.log(System.Logger.Level.WARNING, problem);
            problems.add(problem);
        }
        return files;
    }
}
