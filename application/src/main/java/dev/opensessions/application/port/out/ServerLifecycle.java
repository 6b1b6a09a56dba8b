package dev.opensessions.application.port.out;

/** The running process: lets the core ask it to exit. */
public interface ServerLifecycle {

    /** Asks the process to exit soon, after the current request is answered. */
    void exit();
}
