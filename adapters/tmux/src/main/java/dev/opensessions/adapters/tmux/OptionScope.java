package dev.opensessions.adapters.tmux;

import java.util.List;

/** Where a tmux option is set, as the flags {@code set-option} takes for it. */
public enum OptionScope {
    SERVER("-s"),
    GLOBAL_SESSION("-g"),
    GLOBAL_WINDOW("-gw"),
    SESSION(""),
    WINDOW("-w"),
    PANE("-p");

    private final String flag;

    OptionScope(String flag) {
        this.flag = flag;
    }

    boolean targeted() {
        return this == SESSION || this == WINDOW || this == PANE;
    }

    List<String> flags() {
        return flag.isEmpty() ? List.of() : List.of(flag);
    }
}
