package org.spascheduler.room;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

public interface RoomRepository extends ListCrudRepository<StoredRoom, String>,
        ListPagingAndSortingRepository<StoredRoom, String> {
}
