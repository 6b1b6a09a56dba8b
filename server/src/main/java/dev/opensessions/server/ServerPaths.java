package dev.opensessions.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a server keeps its files: runtime files (pid, token, log, start lock) under
 * {@code ${XDG_RUNTIME_DIR:-/tmp}/opensessions-<uid>/<label>/}, state in
 * {@code ${XDG_STATE_HOME:-~/.local/state}/opensessions/opensessions.db}, and the reference's config folder
 * {@code ${XDG_CONFIG_HOME:-~/.config}/opensessions/}.
 */
public record ServerPaths(Path runtimeDir, Path database, Path configDir) {

    public static ServerPaths fromEnvironment(Map<String, String> env, String label, long uid) {
        String home = userHome(env);
        Path runtimeBase = Path.of(nonBlank(env.get("XDG_RUNTIME_DIR"), "/tmp"));
        Path stateBase = Path.of(nonBlank(env.get("XDG_STATE_HOME"), home + "/.local/state"));
        Path configBase = Path.of(nonBlank(env.get("XDG_CONFIG_HOME"), home + "/.config"));
        return new ServerPaths(
                runtimeBase.resolve("opensessions-" + uid).resolve(label),
                stateBase.resolve("opensessions").resolve("opensessions.db"),
                configBase.resolve("opensessions"));
    }

    /**
     * The user's home as the agents and XDG read it: {@code $HOME}, falling back to the account's home only
     * when it is unset or blank. Java's {@code user.home} comes from the account database and would miss a
     * redirected {@code HOME}.
     */
    static String userHome(Map<String, String> env) {
        return nonBlank(env.get("HOME"), System.getProperty("user.home", "/"));
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
