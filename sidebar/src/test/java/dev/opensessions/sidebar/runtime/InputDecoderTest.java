package dev.opensessions.sidebar.runtime;

import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.MouseKind;
import dev.opensessions.sidebar.model.Msg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class InputDecoderTest {

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("\u0003", Key.ctrl('c')),
                Arguments.of("\r", Key.of(KeyKind.ENTER)),
                Arguments.of("\n", Key.ctrl('j')),
                Arguments.of("\u000b", Key.ctrl('k')),
                Arguments.of("\t", Key.of(KeyKind.TAB)),
                Arguments.of("\u001b[Z", new Key(KeyKind.BACK_TAB, 0, false, false, true)),
                Arguments.of("\u001b[A", Key.of(KeyKind.UP)),
                Arguments.of("\u001bOB", Key.of(KeyKind.DOWN)),
                Arguments.of("\u001b[C", Key.of(KeyKind.RIGHT)),
                Arguments.of("\u001b[D", Key.of(KeyKind.LEFT)),
                Arguments.of("\u001b[1;3A", new Key(KeyKind.UP, 0, false, true, false)),
                Arguments.of("\u001b\u001b[B", new Key(KeyKind.DOWN, 0, false, true, false)),
                Arguments.of("\u001b[1;5C", new Key(KeyKind.RIGHT, 0, true, false, false)),
                Arguments.of("\u001b[1;2D", new Key(KeyKind.LEFT, 0, false, false, true)),
                Arguments.of("\u001b[5~", Key.of(KeyKind.PAGE_UP)),
                Arguments.of("\u001b[6~", Key.of(KeyKind.PAGE_DOWN)),
                Arguments.of("\u001b[3~", Key.of(KeyKind.DELETE)),
                Arguments.of("\u001b[H", Key.of(KeyKind.HOME)),
                Arguments.of("\u001b[4~", Key.of(KeyKind.END)),
                Arguments.of("\u007f", Key.of(KeyKind.BACKSPACE)),
                Arguments.of("7", Key.character('7')),
                Arguments.of("0", Key.character('0')),
                Arguments.of("j", Key.character('j')),
                Arguments.of("J", Key.character('J')),
                Arguments.of("\u001bx", new Key(KeyKind.CHAR, 'x', false, true, false)),
                Arguments.of("é", Key.character('é')),
                Arguments.of("😀", Key.character(0x1F600)));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void aKeySequenceDecodesToItsKey(String input, Key expected) {
        assertThat(decodeWhole(input)).containsExactly(new Msg.KeyPressed(expected));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void aKeySequenceSplitAnywhereDecodesTheSame(String input, Key expected) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut++) {
            InputDecoder decoder = new InputDecoder();
            List<Msg> out = new ArrayList<>();
            decoder.feed(bytes, cut, out::add);
            byte[] rest = java.util.Arrays.copyOfRange(bytes, cut, bytes.length);
            decoder.feed(rest, rest.length, out::add);
            assertThat(out).as("cut at %d", cut).containsExactly(new Msg.KeyPressed(expected));
            assertThat(decoder.pending()).isFalse();
        }
    }

    @Test
    void aLoneEscapeWaitsThenIsTheEscapeKey() {
        InputDecoder decoder = new InputDecoder();
        List<Msg> out = new ArrayList<>();
        decoder.feed(new byte[] {0x1b}, 1, out::add);
        assertThat(out).isEmpty();
        assertThat(decoder.pending()).isTrue();
        decoder.flush(out::add);
        assertThat(out).containsExactly(new Msg.KeyPressed(Key.of(KeyKind.ESCAPE)));
        assertThat(decoder.pending()).isFalse();
    }

    @Test
    void sgrMouseReportsDecodeToZeroBasedCells() {
        assertThat(decodeWhole("\u001b[<0;5;7M\u001b[<0;5;7m\u001b[<2;1;1M\u001b[<32;6;7M\u001b[<35;9;2M\u001b[<64;1;1M\u001b[<65;1;1M"))
                .containsExactly(
                        new Msg.Mouse(MouseKind.PRESS, 0, 4, 6),
                        new Msg.Mouse(MouseKind.RELEASE, 0, 4, 6),
                        new Msg.Mouse(MouseKind.PRESS, 2, 0, 0),
                        new Msg.Mouse(MouseKind.DRAG, 0, 5, 6),
                        new Msg.Mouse(MouseKind.MOVE, 0, 8, 1),
                        new Msg.Mouse(MouseKind.SCROLL_UP, 0, 0, 0),
                        new Msg.Mouse(MouseKind.SCROLL_DOWN, 0, 0, 0));
    }

    @Test
    void unknownSequencesAreSkippedWithoutLosingTheNextKey() {
        assertThat(decodeWhole("\u001b[I\u001b[15~\u001b[?1;2cq"))
                .containsExactly(new Msg.KeyPressed(Key.character('q')));
    }

    @Test
    void tmuxsAnswerToAStatusReportRequestIsToldAndIsNoKey() {
        AtomicInteger reports = new AtomicInteger();
        InputDecoder decoder = new InputDecoder(reports::incrementAndGet);
        List<Msg> out = new ArrayList<>();
        byte[] bytes = "a\u001b[0".getBytes(StandardCharsets.UTF_8);
        decoder.feed(bytes, bytes.length, out::add);
        assertThat(reports).hasValue(0);
        byte[] rest = "nb\u001b[6n".getBytes(StandardCharsets.UTF_8);
        decoder.feed(rest, rest.length, out::add);

        assertThat(reports).hasValue(1);
        assertThat(out).containsExactly(new Msg.KeyPressed(Key.character('a')), new Msg.KeyPressed(Key.character('b')));
    }

    @Test
    void manyKeysInOneReadAllArrive() {
        assertThat(decodeWhole("jk\r")).containsExactly(
                new Msg.KeyPressed(Key.character('j')), new Msg.KeyPressed(Key.character('k')),
                new Msg.KeyPressed(Key.of(KeyKind.ENTER)));
    }

    private static List<Msg> decodeWhole(String input) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        InputDecoder decoder = new InputDecoder();
        List<Msg> out = new ArrayList<>();
        decoder.feed(bytes, bytes.length, out::add);
        assertThat(decoder.pending()).isFalse();
        return out;
    }
}
