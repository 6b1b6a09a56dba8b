package dev.opensessions.adapters.agents.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static dev.opensessions.adapters.agents.watch.Transcripts.append;
import static dev.opensessions.adapters.agents.watch.Transcripts.appendRaw;
import static org.assertj.core.api.Assertions.assertThat;

class JsonlTailTest {

    @TempDir
    Path dir;

    @Test
    void readsOnlyTheLinesAppendedSinceTheLastRead() throws IOException {
        Path file = dir.resolve("t.jsonl");
        append(file, "{\"n\":1}", "{\"n\":2}");
        JsonlTail tail = new JsonlTail(file);

        assertThat(tail.poll().entries()).extracting(e -> e.json().get("n").asInt()).containsExactly(1, 2);
        append(file, "{\"n\":3}");

        JsonlTail.Batch next = tail.poll();
        assertThat(next.entries()).extracting(JsonlEntry::line).containsExactly(3L);
        assertThat(next.restarted()).isFalse();
    }

    @Test
    void aHalfWrittenLineWaitsForItsNewline() throws IOException {
        Path file = dir.resolve("t.jsonl");
        append(file, "{\"n\":1}");
        appendRaw(file, "{\"n\":2,\"text\":\"grü");
        JsonlTail tail = new JsonlTail(file);

        assertThat(tail.poll().entries()).hasSize(1);
        assertThat(tail.malformedLines()).isZero();
        appendRaw(file, "ße\"}\n");

        assertThat(tail.poll().entries()).singleElement()
                .satisfies(e -> assertThat(e.json().get("text").asText()).isEqualTo("grüße"));
    }

    @Test
    void malformedAndNonObjectLinesAreSkippedAndCounted() throws IOException {
        Path file = dir.resolve("t.jsonl");
        append(file, "{\"n\":1}", "{\"n\":", "", "[1,2]", "not json", "{\"n\":2}");
        JsonlTail tail = new JsonlTail(file);

        assertThat(tail.poll().entries()).extracting(JsonlEntry::line).containsExactly(1L, 6L);
        assertThat(tail.malformedLines()).isEqualTo(3);
    }

    @Test
    void anUnchangedFileIsNotReadAgain() throws IOException {
        Path file = dir.resolve("t.jsonl");
        append(file, "{\"n\":1}");
        JsonlTail tail = new JsonlTail(file);
        tail.poll();

        assertThat(tail.poll().entries()).isEmpty();
        assertThat(tail.offset()).isEqualTo(Files.size(file));
    }

    @Test
    void aTruncatedFileIsReadFromTheStart() throws IOException {
        Path file = dir.resolve("t.jsonl");
        append(file, "{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        JsonlTail tail = new JsonlTail(file);
        tail.poll();
        Files.writeString(file, "{\"n\":9}\n");

        JsonlTail.Batch batch = tail.poll();
        assertThat(batch.restarted()).isTrue();
        assertThat(batch.entries()).extracting(JsonlEntry::line).containsExactly(1L);
    }

    @Test
    void aFileReplacedByAnotherIsReadFromTheStart() throws IOException {
        Path file = dir.resolve("t.jsonl");
        append(file, "{\"n\":1}");
        JsonlTail tail = new JsonlTail(file);
        tail.poll();
        Path other = dir.resolve("other.jsonl");
        append(other, "{\"n\":1}", "{\"n\":2}");
        Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        JsonlTail.Batch batch = tail.poll();
        assertThat(batch.restarted()).isTrue();
        assertThat(batch.entries()).hasSize(2);
    }

    @Test
    void aFileRewrittenInPlaceWithOtherContentIsReadFromTheStart() throws IOException {
        Path file = dir.resolve("t.jsonl");
        append(file, "{\"a\":1}");
        JsonlTail tail = new JsonlTail(file);
        tail.poll();
        Files.writeString(file, "{\"b\":2}\n{\"b\":3}\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        JsonlTail.Batch batch = tail.poll();
        assertThat(batch.restarted()).isTrue();
        assertThat(batch.entries()).extracting(e -> e.json().fieldNames().next()).containsExactly("b", "b");
    }
}
