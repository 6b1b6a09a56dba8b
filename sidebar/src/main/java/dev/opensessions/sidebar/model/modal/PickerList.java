package dev.opensessions.sidebar.model.modal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A filterable list with a cursor, the common part of the theme and project pickers: the query keeps the
 * items that contain it (case-insensitive), the cursor points into those matches.
 *
 * @param items  every item's label, in display order
 * @param query  what the user typed
 * @param cursor index into {@link #matches()}
 */
public record PickerList(List<String> items, String query, int cursor) {

    public PickerList {
        items = List.copyOf(items);
        Objects.requireNonNull(query, "query");
        if (cursor < 0) {
            throw new IllegalArgumentException("cursor < 0");
        }
    }

    /** The whole list, the cursor on {@code selected} when it is an item, else on the first. */
    public static PickerList of(List<String> items, String selected) {
        return new PickerList(items, "", Math.max(0, items.indexOf(selected)));
    }

    /** Indexes into {@link #items()} of the items that contain the query, in order. */
    public List<Integer> matches() {
        String needle = query.toLowerCase(Locale.ROOT);
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).toLowerCase(Locale.ROOT).contains(needle)) {
                matches.add(i);
            }
        }
        return matches;
    }

    /** The index into {@link #items()} under the cursor; empty when nothing matches. */
    public Optional<Integer> selected() {
        List<Integer> matches = matches();
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(Math.min(cursor, matches.size() - 1)));
    }

    /** The query with one more character; the cursor goes back to the first match. */
    public PickerList typed(int codePoint) {
        return new PickerList(items, query + Character.toString(codePoint), 0);
    }

    /** The query without its last character. */
    public PickerList erased() {
        if (query.isEmpty()) {
            return this;
        }
        return new PickerList(items, query.substring(0, query.offsetByCodePoints(query.length(), -1)), 0);
    }

    /** The cursor moved by {@code delta}, kept on the matches. */
    public PickerList moved(int delta) {
        int last = Math.max(0, matches().size() - 1);
        return new PickerList(items, query, Math.max(0, Math.min(last, cursor + delta)));
    }

    /** The cursor on the {@code n}-th match. */
    public PickerList at(int n) {
        return new PickerList(items, query, 0).moved(n);
    }

    /** The first match shown when {@code visible} rows show, so the cursor's row is one of them. */
    public int firstShown(int visible) {
        int at = Math.min(cursor, Math.max(0, matches().size() - 1));
        return Math.max(0, at - Math.max(1, visible) + 1);
    }
}
