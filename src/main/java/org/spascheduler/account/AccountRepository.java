package org.spascheduler.account;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

interface AccountRepository
        extends ListCrudRepository<StoredAccount, String>, ListPagingAndSortingRepository<StoredAccount, String> {

    Optional<StoredAccount> findByUsername(String username);

    boolean existsByUsername(String username);
}
