package org.spascheduler.client;

import java.util.Collection;
import java.util.List;

/** Reading many clients at once, for the weeks the solver and the front desk load. */
public interface ClientBulkRead {

    /**
     * The clients with these ids, each with its preferences, in four queries. Spring Data JDBC reads each client's
     * three preference collections with queries of their own: on a MEDIUM week, about 1,000 queries and most of the
     * time the front desk waits for a week to be read.
     */
    List<StoredClient> findAllWithPreferencesById(Collection<String> ids);
}
