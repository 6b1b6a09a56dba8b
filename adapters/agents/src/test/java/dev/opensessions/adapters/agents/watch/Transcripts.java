package dev.opensessions.adapters.agents.watch;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Test helper: finds fixture files, folds them through a parser with the real tail, and grows files. */
public final class Transcripts {

    private Transcripts() {
    }

    /** A fixture under {@code src/test/resources/fixtures/}, e.g. {@code claude-code/exit.jsonl}. */
    public static Path fixture(String relative) {
        URL url = Transcripts.class.getResource("/fixtures/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the whole file through a {@link JsonlTail} and folds every entry into the parser. */
    public static TranscriptParser fold(TranscriptParser parser, Path file) throws IOException {
        TranscriptParser folded = parser;
        for (JsonlEntry entry : new JsonlTail(file).poll().entries()) {
            folded = folded.accept(entry);
        }
        return folded;
    }

    /** The thread state of a fixture folded into a parser; fails when it yields none. */
    public static ThreadState state(TranscriptParser parser, String fixture) throws IOException {
        return fold(parser, fixture(fixture)).state().orElseThrow();
    }

    /** Copies a fixture to a path, creating its folders. */
    public static Path copy(String fixture, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.copy(fixture(fixture), target);
    }

    /** Appends complete lines (each gets its newline) as one write. */
    public static void append(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Appends text as is, e.g. half a line. */
    public static void appendRaw(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
