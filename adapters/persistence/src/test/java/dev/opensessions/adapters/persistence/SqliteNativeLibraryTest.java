package dev.opensessions.adapters.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** sqlite-jdbc's native library is unpacked once into a private folder and loaded from there. */
class SqliteNativeLibraryTest {

    @TempDir
    Path dir;

    private Path library;

    @BeforeEach
    void noPropertiesYet() {
        clearProperties();
    }

    /** Other tests of this JVM must not be pointed at a folder that is deleted after this one. */
    @AfterEach
    void clearProperties() {
        System.clearProperty(SqliteNativeLibrary.PATH_PROPERTY);
        System.clearProperty(SqliteNativeLibrary.NAME_PROPERTY);
    }

    @Test
    void unpacksTheLibraryOnceIntoAPrivateFolderAndPointsSqliteJdbcAtIt() throws IOException {
        library = SqliteNativeLibrary.useUnpackedCopy(dir).orElseThrow();

        assertThat(library).startsWith(dir).hasFileName(LibraryLoaderUtil.getNativeLibName());
        assertThat(Files.size(library)).isPositive();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library.getParent())))
                .isEqualTo("rwx------");
        assertThat(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY)).isEqualTo(library.getParent().toString());
        assertThat(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY)).isEqualTo(library.getFileName().toString());
        try (var files = Files.list(library.getParent())) {
            assertThat(files).containsExactly(library);
        }
    }

    @Test
    void aLaterStartLoadsTheCopyAlreadyThereWithoutWritingIt() throws IOException {
        library = SqliteNativeLibrary.useUnpackedCopy(dir).orElseThrow();
        FileTime marked = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(library, marked);
        clearProperties();

        assertThat(SqliteNativeLibrary.useUnpackedCopy(dir)).contains(library);
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(marked);
    }

    @Test
    void aCopyOthersMayWriteIsReplacedNotLoaded() throws IOException {
        library = SqliteNativeLibrary.useUnpackedCopy(dir).orElseThrow();
        Files.writeString(library, "planted");
        Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("rw-rw-rw-"));
        clearProperties();

        assertThat(SqliteNativeLibrary.useUnpackedCopy(dir)).contains(library);
        assertThat(Files.size(library)).isGreaterThan("planted".length());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library))).isEqualTo("rw-------");
    }

    @Test
    void aLinkInPlaceOfTheCopyIsReplacedNotFollowed() throws IOException {
        library = SqliteNativeLibrary.useUnpackedCopy(dir).orElseThrow();
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.so"), "not a library");
        Files.delete(library);
        Files.createSymbolicLink(library, elsewhere);
        clearProperties();

        assertThat(SqliteNativeLibrary.useUnpackedCopy(dir)).contains(library);
        assertThat(Files.isSymbolicLink(library)).isFalse();
        assertThat(Files.isRegularFile(library, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.readString(elsewhere)).isEqualTo("not a library");
    }

    @Test
    void propertiesGivenByTheUserAreLeftAsTheyAre() {
        System.setProperty(SqliteNativeLibrary.PATH_PROPERTY, "/somewhere/of/theirs");

        assertThat(SqliteNativeLibrary.useUnpackedCopy(dir)).isEmpty();
        assertThat(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY)).isEqualTo("/somewhere/of/theirs");
        assertThat(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY)).isNull();
    }
}
