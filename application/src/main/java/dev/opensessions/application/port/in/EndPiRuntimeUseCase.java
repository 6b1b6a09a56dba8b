package dev.opensessions.application.port.in;

/** Ends the registration of a Pi process that is shutting down; an unknown pid is no change. */
public interface EndPiRuntimeUseCase {

    void end(long pid);
}
