package org.spascheduler.booking;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

public interface AppointmentRepository
        extends ListCrudRepository<StoredAppointment, String>,
        ListPagingAndSortingRepository<StoredAppointment, String> {

    List<StoredAppointment> findByWeekStart(LocalDate weekStart);

    List<StoredAppointment> findByCarePlanId(String carePlanId);

    /** Confirmed sessions the front desk released (CONFIRMED, true): a repair confirms each again or waitlists it. */
    List<StoredAppointment> findByStateAndReleased(BookingState state, boolean released);

    List<StoredAppointment> findByClientId(String clientId);
}
