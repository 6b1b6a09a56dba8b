package dev.opensessions.server;

import dev.opensessions.adapters.agents.watch.FileWatch;
import dev.opensessions.adapters.persistence.NotificationConfigReader;
import dev.opensessions.domain.notify.NotificationSettings;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The notification settings of {@code config.json}, read again whenever the file changes, so an edit takes
 * effect without a restart. The config folder is watched with the same {@link FileWatch} as the screen rules'
 * folder: its thread blocks in the platform's WatchService while nothing changes.
 */
final class WatchedNotificationSettings implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WatchedNotificationSettings.class);
    /** The watch's safety rescan: one file in one folder, whose events are not lost in practice. */
    private static final Duration RESCAN = Duration.ofDays(365);

    private final Path file;
    private final NotificationConfigReader reader;
    private final Consumer<NotificationSettings> target;
    private final FileWatch watch;
    private NotificationSettings current;

    /**
     * @param current what {@code target} uses now (read at start)
     * @param target  told each time the file reads differently
     */
    WatchedNotificationSettings(Path configFile, NotificationSettings current, Consumer<NotificationSettings> target) {
        this.file = Objects.requireNonNull(configFile, "configFile").toAbsolutePath().normalize();
        this.current = Objects.requireNonNull(current, "current");
        this.target = Objects.requireNonNull(target, "target");
        this.reader = new NotificationConfigReader(file);
        this.watch = new FileWatch("config", file.getParent(), 1, this::changed, RESCAN);
    }

    WatchedNotificationSettings start() {
        watch.start();
        return this;
    }

    /** Runs on the watch's thread for every file of the folder that changed. */
    private synchronized void changed(Path path) {
        if (!file.equals(path.toAbsolutePath().normalize())) {
            return;
        }
        NotificationSettings read = reader.read();
        if (!read.equals(current)) {
            current = read;
            target.accept(read);
            LOG.infof("notification settings read again from %s", file);
        }
    }

    @Override
    public void close() {
        watch.close();
    }
}
