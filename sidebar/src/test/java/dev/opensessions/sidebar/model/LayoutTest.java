package dev.opensessions.sidebar.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LayoutTest {

    @Test
    void tallPaneHasTheFullDetailPanel() {
        Layout layout = new Layout(40, 30);

        assertThat(layout.detailRows()).isEqualTo(10);
        assertThat(layout.upperSeparator()).contains(16);
        assertThat(layout.detailTop()).isEqualTo(17);
        assertThat(layout.lowerSeparator()).isEqualTo(27);
        assertThat(layout.footerTop()).isEqualTo(28);
        assertThat(layout.listRows()).isEqualTo(14);
        assertThat(layout.capacity()).isEqualTo(5);
    }

    @Test
    void shortPaneShrinksThenDropsTheDetailPanel() {
        assertThat(new Layout(40, 20).detailRows()).isEqualTo(5);
        assertThat(new Layout(40, 18).detailRows()).isZero();
        assertThat(new Layout(40, 18).upperSeparator()).isEmpty();
        assertThat(new Layout(40, 18).listRows()).isEqualTo(13);
    }

    @Test
    void sessionAtMapsNameAndDetailRowsButNotSpacers() {
        Layout layout = new Layout(40, 30);

        assertThat(layout.sessionAt(2, 0, 4)).contains(0);
        assertThat(layout.sessionAt(3, 0, 4)).contains(0);
        assertThat(layout.sessionAt(4, 0, 4)).isEmpty();
        assertThat(layout.sessionAt(5, 2, 4)).contains(3);
        assertThat(layout.sessionAt(8, 2, 4)).isEmpty();
        assertThat(layout.sessionAt(1, 0, 4)).isEmpty();
        assertThat(layout.sessionAt(16, 0, 20)).isEmpty();
    }
}
