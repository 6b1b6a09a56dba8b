package dev.opensessions.application.port.out;

/**
 * One agent's own record of its threads: transcript files, a database, or an external command.
 * Once started it reports each thread whose state it sees change, from its own threads, and never blocks
 * the caller; it reacts to file-system events and polls only as a slow fallback.
 */
public interface AgentSource extends AutoCloseable {

    /** The agent name it reports for ({@code claude-code}, {@code codex}, {@code amp}, ...). */
    String agent();

    /** Starts watching; every observation goes to {@code sink}, possibly from the source's own threads. */
    void start(AgentSink sink);

    @Override
    void close();
}
