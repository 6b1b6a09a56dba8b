package dev.opensessions.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of JDBC work run on a prepared connection; its SQLException is translated by the caller. */
@FunctionalInterface
interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
