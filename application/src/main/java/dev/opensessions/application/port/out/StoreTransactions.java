package dev.opensessions.application.port.out;

/**
 * Groups the writes of several stores into one transaction (group commit): all of them are committed
 * together or none is. A store without transactions just runs the work.
 */
public interface StoreTransactions {

    /** Runs the work as one transaction; a failure of any write inside it rolls back all of them. */
    void inOneTransaction(Runnable work);

    /** For stores that commit each write on its own. */
    StoreTransactions NONE = Runnable::run;
}
