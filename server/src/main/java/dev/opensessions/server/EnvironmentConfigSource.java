package dev.opensessions.server;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Supplies the settings that are computed from the environment at start (HTTP and sidebar ports, server
 * label, tmux socket, runtime folder, database file, config folder, install folder), at a low ordinal so that application.properties profiles,
 * system properties and environment variables still override each of them.
 */
public final class EnvironmentConfigSource implements ConfigSource {

    private static final int ORDINAL = 150;

    private final Map<String, String> values;

    public EnvironmentConfigSource() {
        Map<String, String> env = System.getenv();
        ServerKey key = ServerKey.fromEnvironment(env);
        ServerPaths paths = ServerPaths.fromEnvironment(env, key.label(), ProcessUid.current(env));
        this.values = Map.of(
                "opensessions.tmux-socket", ServerKey.socketPath(env.get("TMUX")).orElse(""),
                "quarkus.http.port", Integer.toString(key.port()),
                "opensessions.sidebar-port", Integer.toString(key.port() + 1),
                "opensessions.server-key", key.label(),
                "opensessions.runtime-dir", paths.runtimeDir().toString(),
                "opensessions.database", paths.database().toString(),
                "opensessions.config-dir", paths.configDir().toString(),
                "opensessions.home", InstallDir.locate(env.get("OPENSESSIONS_DIR"), InstallDir.codeLocation()).toString(),
                "opensessions.agent-home", ServerPaths.userHome(env));
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "opensessions-environment";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
