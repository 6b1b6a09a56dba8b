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
    void theSharedDetailHeightIsKeptWithinWhatThePaneAllows() {
        assertThat(new Layout(40, 30, 6).detailRows()).isEqualTo(6);
        assertThat(new Layout(40, 30, 6).upperSeparator()).contains(20);
        assertThat(new Layout(40, 30, 40).detailRows()).isEqualTo(15);
        assertThat(new Layout(40, 30, 40).listRows()).isEqualTo(9);
    }

    @Test
    void aSeparatorDragMapsTheLineToAHeightWithinBounds() {
        Layout layout = new Layout(40, 30);

        assertThat(layout.detailRowsForSeparatorAt(16)).isEqualTo(10);
        assertThat(layout.detailRowsForSeparatorAt(12)).isEqualTo(14);
        assertThat(layout.detailRowsForSeparatorAt(2)).isEqualTo(15);
        assertThat(layout.detailRowsForSeparatorAt(26)).isEqualTo(4);
        assertThat(layout.inDetailPanel(17)).isTrue();
        assertThat(layout.inDetailPanel(16)).isFalse();
        assertThat(layout.inDetailPanel(27)).isFalse();
    }
}
