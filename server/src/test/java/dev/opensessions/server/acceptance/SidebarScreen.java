package dev.opensessions.server.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a sidebar's captured screen the way a user does: the marker and signal of a
 * session's row, the list's order, worktree group headers, and the header counters.
 */
final class SidebarScreen {

    /** A session's name line: marker, optional tree rail, two-digit index, signal, name. */
    private static final Pattern SESSION_ROW = Pattern.compile("^(.)(?: [│╰])? +(\\d\\d) (\\S) (\\S+)\\s*$");
    /** A worktree group's header line: marker, fold glyph, signal, label, stats. */
    private static final Pattern GROUP_ROW = Pattern.compile("^(.) ([▾▸]) +(\\S) (\\S+) .*$");

    private final String text;

    SidebarScreen(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    List<String> lines() {
        return text.lines().toList();
    }

    /** The first cell of the session's name line: {@code ▌} current, {@code ›} focused, space neither. */
    Optional<Character> marker(String session) {
        return sessionRow(session).map(row -> row.group(1).charAt(0));
    }

    /** The attention glyph on the session's name line. */
    Optional<String> signal(String session) {
        return sessionRow(session).map(row -> row.group(3));
    }

    /** The marker of a worktree group's header line. */
    Optional<Character> groupMarker(String label) {
        return groupRow(label).map(row -> row.group(1).charAt(0));
    }

    /** The sessions listed, top to bottom, with a group's header shown as {@code [label]}. */
    List<String> order() {
        List<String> order = new ArrayList<>();
        for (String line : lines()) {
            Matcher session = SESSION_ROW.matcher(line);
            Matcher group = GROUP_ROW.matcher(line);
            if (session.matches()) {
                order.add(session.group(4));
            } else if (group.matches()) {
                order.add("[" + group.group(4) + "]");
            }
        }
        return order;
    }

    /** The line count of a glyph anywhere on screen (the list and the agents panel). */
    long count(String glyph) {
        return lines().stream().filter(line -> line.contains(glyph)).count();
    }

    /** The header's unseen counter {@code ●N}, or -1 while the header shows a lifecycle label. */
    int unseenCount() {
        Matcher counter = Pattern.compile("●(\\d+) \\d+\\s*$").matcher(lines().isEmpty() ? "" : lines().getFirst());
        return counter.find() ? Integer.parseInt(counter.group(1)) : -1;
    }

    /** True while the list carries at least a header and one session row: the sidebar has painted. */
    boolean painted() {
        return !lines().isEmpty() && lines().getFirst().startsWith(" sessions") && !order().isEmpty();
    }

    private Optional<Matcher> sessionRow(String session) {
        return rowMatching(SESSION_ROW, 4, session);
    }

    private Optional<Matcher> groupRow(String label) {
        return rowMatching(GROUP_ROW, 4, label);
    }

    private Optional<Matcher> rowMatching(Pattern pattern, int nameGroup, String name) {
        for (String line : lines()) {
            Matcher row = pattern.matcher(line);
            if (row.matches() && row.group(nameGroup).equals(name)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
