package dev.opensessions.application.service;

import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.application.port.out.SidebarPanes;
import dev.opensessions.domain.sidebar.SidebarSide;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Reads where the user wants sidebars: the tmux option {@code @opensessions-position},
 * else the configured side. A bad option value is warned about once, not at every show. Not thread-safe:
 * its owner calls it under its own lock.
 */
final class SidebarSideChoice {

    private static final System.Logger LOG = System.getLogger(SidebarSideChoice.class.getName());

    private final SidebarPanes panes;
    private String warnedOption;

    SidebarSideChoice(SidebarPanes panes) {
        this.panes = panes;
    }

    SidebarSide choose(SidebarSide configured) {
        Optional<String> option;
        try {
            option = panes.sideOption();
        } catch (MultiplexerException failure) {
            LOG.log(Level.WARNING, "could not read @opensessions-position, using config sidebarPosition: "
                    + failure.getMessage());
            option = Optional.empty();
        }
        if (SidebarSide.invalidOption(option) && !option.get().equals(warnedOption)) {
            warnedOption = option.get();
            LOG.log(Level.WARNING, "@opensessions-position is '" + warnedOption
                    + "', not left or right; sidebars open on the left");
        }
        return SidebarSide.chosen(option, configured);
    }
}
