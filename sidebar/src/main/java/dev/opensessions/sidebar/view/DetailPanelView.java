package dev.opensessions.sidebar.view;

import dev.opensessions.domain.agent.WaitFigures;
import dev.opensessions.sidebar.model.SessionWaits;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.Attention;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.sidebar.AgentScope;
import dev.opensessions.sidebar.model.AgentRows;
import dev.opensessions.sidebar.model.Panel;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.TextWidth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The agents (detail) panel: the title with the agent count and the scope label, then in the
 * {@code current} scope the focused session's directory, links, agents and metadata, in the {@code all}
 * scope one compact row an agent across every session. Lines sit where {@link AgentRows} says, so keys
 * and clicks mean the agent drawn there; whatever does not fit the panel's rows is cut.
 */
final class DetailPanelView {

    /** The directory is cut from the left to about this many cells. */
    private static final int DIR_WIDTH = 24;
    private static final int THREAD_NAME_WIDTH = 30;

    private DetailPanelView() {
    }

    /** One panel line; a selected agent's lines are drawn on the highlight background. */
    private record Line(List<Span> spans, boolean selected) {
    }

    static void draw(Painter painter, SidebarState state, Theme theme, int top, int rows) {
        boolean focused = state.panel().focus() == Panel.AGENTS;
        List<Line> lines = lines(state, theme, painter.width(), rows, focused);
        int scope = painter.textRight(painter.width() - 1, top, state.panel().scope().label(),
                theme.fg(focused ? theme.lavender() : theme.overlay1()));
        for (int i = 0; i < Math.min(rows, lines.size()); i++) {
            Line line = lines.get(i);
            List<Span> spans = line.spans();
            if (line.selected()) {
                CellStyle highlight = CellStyle.PLAIN.withBackground(theme.surface0());
                painter.fill(0, top + i, painter.width(), " ", highlight);
                spans = spans.stream()
                        .map(s -> s.withStyle(s.style().withBackground(theme.surface0())))
                        .toList();
            }
            // The title yields to the scope label on narrow panes.
            int limit = i == 0 ? scope - 1 : painter.width() - 1;
            painter.spans(0, top + i, spans, limit);
        }
    }

    /** Agents the panel lists, so the program knows whether a spinner shows there. */
    static List<AgentThread> agents(SidebarState state) {
        return AgentRows.of(state);
    }

    private static List<Line> lines(SidebarState state, Theme theme, int width, int rows, boolean focused) {
        List<AgentThread> agents = AgentRows.of(state);
        CellStyle title = theme.fg(focused ? theme.lavender() : theme.subtext1()).withBold(true);
        List<Line> lines = new ArrayList<>();
        lines.add(plain(new Span(" agents " + agents.size(), title)));
        Optional<Session> described = AgentRows.described(state);
        described.ifPresent(session -> header(lines, session, theme, width));
        int selected = focused ? AgentRows.selectedIndex(state) : -1;
        AgentRows.Shown shown = AgentRows.shown(state, rows);
        for (int i = shown.first(); i < shown.end(); i++) {
            if (state.panel().scope() == AgentScope.ALL) {
                lines.add(new Line(compact(agents.get(i), state.spinnerFrame(), theme), i == selected));
            } else {
                entry(lines, agents.get(i), state.spinnerFrame(), theme, i == selected);
            }
        }
        AgentRows.Below below = AgentRows.below(state, rows);
        // The last entry's spacer gives way to the hint, or to the metadata when the panel is short.
        boolean spacerLast = lines.getLast().spans().isEmpty();
        if (spacerLast && (shown.hidden() > 0 || rows - lines.size() < below.lines())) {
            lines.removeLast();
        }
        if (shown.hidden() > 0) {
            lines.add(plain(new Span(" +" + shown.hidden() + " more", theme.fg(theme.overlay1()))));
        }
        int room = rows - lines.size();
        described.ifPresent(session -> MetadataLines.add(plainSink(lines),
                state.snapshot().metadataOf(session.name()), Math.max(0, room), theme, width));
        if (described.isPresent() && lines.size() < rows) {
            waitLine(state, described.get()).ifPresent(text -> lines.add(plain(new Span(text, theme.fg(theme.overlay1())))));
        }
        return lines;
    }

    /**
     * {@code  waited 3× · med 2m · max 9m} (today): how long the session's agents waited for the user over
     * the last day; nothing before the figures are read or when they did not wait.
     */
    static Optional<String> waitLine(SidebarState state, Session session) {
        SessionWaits waits = state.panel().waits();
        if (waits == null || waits.figures() == null || !waits.session().equals(session.name())
                || waits.figures().waits() == 0) {
            return Optional.empty();
        }
        WaitFigures f = waits.figures();
        return Optional.of(" waited " + f.waits() + "× · med " + brief(f.median()) + " · max " + brief(f.longest()));
    }

    /** {@code 45s}, {@code 12m}, {@code 3h}: one unit, rounded down. */
    private static String brief(java.time.Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" : s / 3600 + "h";
    }

    /** The directory (cut from the left) and the links line of the described session. */
    private static void header(List<Line> lines, Session session, Theme theme, int width) {
        if (!session.directory().isBlank()) {
            int room = Math.max(1, Math.min(DIR_WIDTH, width - 2));
            String dir = TextWidth.truncateLeft(session.directory(), room);
            lines.add(plain(new Span(" " + dir, theme.fg(theme.overlay1()))));
        }
        if (!session.ports().isEmpty()) {
            String links = session.ports().stream().map(p -> "⌁" + p).collect(Collectors.joining(" "));
            lines.add(plain(new Span(" ", CellStyle.PLAIN), new Span(links, theme.fg(theme.mauve()))));
        }
    }

    /** Two lines, an optional prompt line and a spacer. */
    private static void entry(List<Line> lines, AgentThread agent, int frame, Theme theme, boolean selected) {
        Attention attention = agent.attention();
        CellStyle signal = Signals.style(attention, theme);
        lines.add(new Line(List.of(new Span(" ", signal), glyph(attention, frame, signal), new Span(" ", signal),
                new Span(title(agent), theme.fg(theme.text()))), selected));
        lines.add(new Line(List.of(new Span("   " + Signals.label(attention), Signals.style(attention, theme)),
                new Span(" · " + agent.agent(), theme.fg(theme.subtext0()))), selected));
        if (agent.lastUserPrompt() != null) {
            lines.add(new Line(List.of(new Span("   “" + agent.lastUserPrompt() + "”", theme.fg(theme.overlay1()))),
                    selected));
        }
        lines.add(plain());
    }

    /** {@code <glyph> <session> · <thread>}: where each piece of work lives. */
    private static List<Span> compact(AgentThread agent, int frame, Theme theme) {
        Attention attention = agent.attention();
        CellStyle signal = Signals.style(attention, theme);
        return List.of(new Span(" ", signal), glyph(attention, frame, signal), new Span(" ", signal),
                new Span(agent.session().value(), theme.fg(theme.text())),
                new Span(" · " + title(agent), theme.fg(theme.subtext0())));
    }

    /** The signal's glyph; a running agent's spinner animates. */
    private static Span glyph(Attention attention, int frame, CellStyle style) {
        return new Span(Signals.glyph(attention, frame), style, Signals.spins(attention));
    }

    private static String title(AgentThread agent) {
        return agent.threadName() == null ? agent.agent() : TextWidth.truncate(agent.threadName(), THREAD_NAME_WIDTH);
    }

    private static Line plain(Span... spans) {
        return new Line(List.of(spans), false);
    }

    /** A sink adding plain lines, for the metadata part. */
    private static Consumer<List<Span>> plainSink(List<Line> lines) {
        return spans -> lines.add(new Line(spans, false));
    }
}
