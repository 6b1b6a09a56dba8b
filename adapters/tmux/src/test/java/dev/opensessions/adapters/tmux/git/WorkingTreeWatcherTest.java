package dev.opensessions.adapters.tmux.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingTreeWatcherTest {

    @TempDir
    Path temp;

    @Test
    void theFoldersOfTrackedFilesComeShallowestFirstEachOnce() {
        Path top = Path.of("/w");

        List<Path> folders = WorkingTreeWatcher.folders(top, List.of("a.txt", "src/b/c.txt", "src/b/d.txt", "src/e.txt",
                "docs/f.md"));

        assertThat(folders).containsExactly(top, top.resolve("docs"), top.resolve("src"), top.resolve("src/b"));
    }

    @Test
    void aTreeWithMoreFoldersThanTheCapHasItsShallowestWatchedAndIsReleasedWhenForgotten() throws Exception {
        for (String folder : List.of("a", "b", "a/deep")) {
            Files.createDirectories(temp.resolve(folder));
        }
        List<String> told = new CopyOnWriteArrayList<>();
        try (WorkingTreeWatcher watcher = new WorkingTreeWatcher(told::add, 3)) {
            watcher.watch("/dir", temp, List.of("a/deep/x", "b/y", "z"), 1);
            watcher.watch("/dir/a", temp, List.of("a/deep/x", "b/y", "z"), 1);

            assertThat(watcher.watchedFolders()).isEqualTo(3);
            assertThat(watcher.current("/dir", 1)).isTrue();
            assertThat(watcher.current("/dir", 2)).as("the index moved: list again").isFalse();
            watcher.forget("/dir");
            assertThat(watcher.watchedFolders()).as("still needed by /dir/a").isEqualTo(3);
            watcher.forget("/dir/a");
            assertThat(watcher.watchedFolders()).isZero();
        }
    }
}
