package dev.opensessions.application.port.in;

/** Appends a line to a session's bounded log ring. */
public interface AppendLogUseCase {

    void append(LogCommand command);
}
