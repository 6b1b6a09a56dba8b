package dev.opensessions.sidebar.model.modal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PickerListTest {

    private static final List<String> ITEMS = List.of("alpha", "Beta", "gamma", "delta", "epsilon");

    @Test
    void opensOnTheSelectedItemOrTheFirst() {
        assertThat(PickerList.of(ITEMS, "gamma").selected()).contains(2);
        assertThat(PickerList.of(ITEMS, "omega").selected()).contains(0);
        assertThat(PickerList.of(List.of(), "x").selected()).isEmpty();
    }

    @Test
    void theQueryKeepsItemsContainingItIgnoringCaseAndResetsTheCursor() {
        PickerList list = PickerList.of(ITEMS, "epsilon").typed('T').typed('a');

        assertThat(list.matches()).containsExactly(1, 3);
        assertThat(list.selected()).contains(1);
        assertThat(list.moved(1).selected()).contains(3);
    }

    @Test
    void theCursorStaysOnTheMatches() {
        PickerList list = PickerList.of(ITEMS, "alpha");

        assertThat(list.moved(-3).selected()).contains(0);
        assertThat(list.moved(10).selected()).contains(4);
        assertThat(list.at(2).selected()).contains(2);
    }

    @Test
    void backspaceDropsOneCodePointAndNothingOnAnEmptyQuery() {
        PickerList list = PickerList.of(ITEMS, "alpha").typed('a').typed(0x1F680);

        assertThat(list.erased().query()).isEqualTo("a");
        assertThat(list.erased().erased().erased().query()).isEmpty();
    }

    @Test
    void theVisibleWindowFollowsTheCursor() {
        PickerList list = PickerList.of(ITEMS, "delta");

        assertThat(list.firstShown(2)).isEqualTo(2);
        assertThat(list.firstShown(12)).isZero();
        assertThat(list.moved(-3).firstShown(2)).isZero();
    }
}
