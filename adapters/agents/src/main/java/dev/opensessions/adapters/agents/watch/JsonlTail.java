package dev.opensessions.adapters.agents.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Follows one JSONL file from the last complete line it read. A partly written last line waits for its newline;
 * a file that shrank, was replaced (another inode) or was rewritten in place (its first bytes differ) is read
 * again from the start; malformed lines are skipped and counted. Not thread-safe: one owner per file.
 */
public final class JsonlTail {

    /**
     * What one read found.
     *
     * @param restarted the file was read from the start again, so whatever was built from earlier lines is void
     */
    public record Batch(List<JsonlEntry> entries, boolean restarted) {
        public Batch {
            entries = List.copyOf(entries);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HEAD_BYTES = 64;
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private long offset;
    private long linesRead;
    private long malformed;
    private boolean started;
    private Object fileKey;
    private byte[] head = new byte[0];
    private long lastModified = -1;
    private long lastSize = -1;

    public JsonlTail(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Reads the complete lines appended since the last call; nothing when (mtime, size) did not change. */
    public Batch poll() throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        long modified = attrs.lastModifiedTime().toMillis();
        if (modified == lastModified && attrs.size() == lastSize) {
            return new Batch(List.of(), false);
        }
        lastModified = modified;
        lastSize = attrs.size();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            boolean fromStart = !started || replaced(attrs, channel);
            // The first read of a file is a start, not a restart: the caller has nothing to void yet.
            boolean restarted = started && fromStart;
            started = true;
            if (fromStart) {
                offset = 0;
                linesRead = 0;
                malformed = 0;
                fileKey = attrs.fileKey();
            }
            head = readHead(channel);
            return new Batch(readLines(channel), restarted);
        }
    }

    /** Malformed lines skipped since the file was last read from its start. */
    public long malformedLines() {
        return malformed;
    }

    /** The byte offset just past the last complete line read. */
    public long offset() {
        return offset;
    }

    private boolean replaced(BasicFileAttributes attrs, FileChannel channel) throws IOException {
        if (!Objects.equals(fileKey, attrs.fileKey()) || attrs.size() < offset) {
            return true;
        }
        byte[] now = readHead(channel);
        int common = Math.min(now.length, head.length);
        return !Arrays.equals(now, 0, common, head, 0, common);
    }

    private static byte[] readHead(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(HEAD_BYTES);
        channel.read(buffer, 0);
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private List<JsonlEntry> readLines(FileChannel channel) throws IOException {
        List<JsonlEntry> entries = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long position = offset;
        while (channel.read(buffer, position) > 0) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                position++;
                if (b == '\n') {
                    offset = position;
                    linesRead++;
                    parse(line.toString(StandardCharsets.UTF_8), entries);
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            buffer.clear();
        }
        return entries;
    }

    private void parse(String text, List<JsonlEntry> entries) {
        if (text.isBlank()) {
            return;
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.isObject()) {
                entries.add(new JsonlEntry(linesRead, node));
                return;
            }
        } catch (JsonProcessingException notJson) {
            // counted below: agents crash mid-write and editors leave junk, neither may stop the tail
        }
        malformed++;
    }
}
