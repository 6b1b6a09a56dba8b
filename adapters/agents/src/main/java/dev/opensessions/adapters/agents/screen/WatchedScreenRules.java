package dev.opensessions.adapters.agents.screen;

import dev.opensessions.adapters.agents.watch.FileWatch;
import dev.opensessions.application.port.out.ScreenRuleSource;
import dev.opensessions.domain.agent.screen.ScreenRule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The screen rules, loaded again whenever a file in the user's rule folder is created, changed or deleted: the
 * folder is watched with the platform's file events (a missing folder is waited for by watching its nearest
 * parent), so a new agent's file works without a restart and nothing polls. Loading again when the files read
 * the same as before tells nobody.
 */
public final class WatchedScreenRules implements ScreenRuleSource, AutoCloseable {

    /** The watch's safety rescan: the folder is small and its events are not lost in practice. */
    private static final Duration RESCAN = Duration.ofDays(365);

    private final ScreenRuleFiles files;
    private final Path userFolder;
    private final FileWatch watch;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile ScreenRules loaded;
    private Map<String, String> texts;

    public WatchedScreenRules(Path userFolder) {
        this.userFolder = Objects.requireNonNull(userFolder, "userFolder");
        this.files = new ScreenRuleFiles(userFolder);
        synchronized (this) {
            this.texts = texts();
            this.loaded = files.load();
        }
        this.watch = new FileWatch("screen-rules", userFolder, 1, changed -> reload(), RESCAN);
    }

    /** Starts watching the folder. */
    public WatchedScreenRules start() {
        watch.start();
        return this;
    }

    @Override
    public List<ScreenRule> rules() {
        return loaded.rules();
    }

    /** The rules and the problems of the files skipped. */
    public ScreenRules loaded() {
        return loaded;
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void reload() {
        synchronized (this) {
            Map<String, String> now = texts();
            if (now.equals(texts)) {
                return;
            }
            texts = now;
            loaded = files.load();
        }
        listeners.forEach(Runnable::run);
    }

    /** Each rule file's text by name: what a reload would read. */
    private Map<String, String> texts() {
        Map<String, String> now = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(userFolder, "*.json")) {
            for (Path file : entries) {
                try {
                    now.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException unreadable) {
                    now.put(file.getFileName().toString(), "unreadable: " + unreadable.getMessage());
                }
            }
        } catch (IOException absent) {
            return now;
        }
        return now;
    }

    @Override
    public void close() {
        watch.close();
    }
}
