package org.spascheduler.client;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

public interface ClientRepository
        extends ListCrudRepository<StoredClient, String>,
        ListPagingAndSortingRepository<StoredClient, String>, ClientBulkRead {
}
