package dev.opensessions.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WireTextTest {

    @Test
    void wellFormedUtf8IsAcceptedAndOverlongOrSurrogateFormsAreNot() {
        assertThat(WireText.isUtf8("névé ✓ 🚀".getBytes(StandardCharsets.UTF_8))).isTrue();
        // "/" written in two bytes (overlong), and U+D800 encoded as UTF-8 (a surrogate has no UTF-8 form).
        assertThat(WireText.isUtf8(new byte[] {(byte) 0xC0, (byte) 0xAF})).isFalse();
        assertThat(WireText.isUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isFalse();
    }

    @Test
    void aSurrogateWithoutItsPairIsFoundWhereverItStands() {
        assertThat(WireText.hasLoneSurrogate("plain")).isFalse();
        assertThat(WireText.hasLoneSurrogate("rocket 🚀")).isFalse();
        assertThat(WireText.hasLoneSurrogate("\ud800")).isTrue();
        assertThat(WireText.hasLoneSurrogate("end \ud83d")).isTrue();
        assertThat(WireText.hasLoneSurrogate("\ude80 start")).isTrue();
        assertThat(WireText.hasLoneSurrogate("\ud83d\ud83d\ude80")).isTrue();
    }
}
