package dev.opensessions.application.service;

import dev.opensessions.application.port.out.LocalSystem;

import java.util.List;

/** Picks the diff viewer the sidebar opens ({@code l}/{@code L}): the best one installed. */
final class DiffViewer {

    /** Fixed text, never built from input: colours kept through the pager. */
    static final List<String> PLAIN = List.of("sh", "-c", "git diff --color=always | less -R");

    private DiffViewer() {
    }

    static List<String> choose(LocalSystem system) {
        if (system.available("lazygit")) {
            return List.of("lazygit");
        }
        if (system.available("tig")) {
            return List.of("tig");
        }
        return PLAIN;
    }
}
