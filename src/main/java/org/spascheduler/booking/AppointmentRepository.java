package org.spascheduler.booking;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

public interface AppointmentRepository
        extends ListCrudRepository<Appointment, String>, ListPagingAndSortingRepository<Appointment, String> {

    List<Appointment> findByWeekStart(LocalDate weekStart);

    List<Appointment> findByCarePlanId(String carePlanId);

    /** Confirmed sessions the front desk released (CONFIRMED, true): a repair confirms each again or waitlists it. */
    List<Appointment> findByStateAndReleased(BookingState state, boolean released);

    List<Appointment> findByClientId(String clientId);
}
