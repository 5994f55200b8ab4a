package org.spascheduler.week;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.spascheduler.booking.AppointmentJson;
import org.spascheduler.careplan.CarePlanJson;
import org.spascheduler.client.ClientJson;
import org.spascheduler.room.RoomJson;
import org.spascheduler.spa.SpaJson;
import org.spascheduler.therapist.TherapistJson;
import org.spascheduler.treatment.TreatmentJson;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One week of the spa and everything its appointments need: the spa's settings, its treatments, therapists, rooms,
 * clients and care plans, and the week's appointments (cancelled ones included). What an export gives and an import
 * takes, so that a week moves between databases as one file.
 *
 * @param weekStart the Monday the week starts on; every appointment's window lies in this week
 * @param weekVersion the week's sessions as they were when it was exported; an import is refused (409) when they have
 *        changed since. Left out of a document that was not exported, such as a week written by hand
 */
public record WeekDocument(@NotNull LocalDate weekStart, @NotNull @Valid SpaJson spa,
        List<@NotNull @Valid TreatmentJson> treatments, List<@NotNull @Valid TherapistJson> therapists,
        List<@NotNull @Valid RoomJson> rooms, List<@NotNull @Valid ClientJson> clients,
        List<@NotNull @Valid CarePlanJson> carePlans, List<@NotNull @Valid AppointmentJson> appointments,
        @Nullable @Size(max = 64) String weekVersion) {

    public WeekDocument {
        // A kind left out is a kind with nothing to import; copies that keep null elements for validation to name.
        treatments = copy(treatments);
        therapists = copy(therapists);
        rooms = copy(rooms);
        clients = copy(clients);
        carePlans = copy(carePlans);
        appointments = copy(appointments);
    }

    private static <T> List<T> copy(List<T> list) {
        return Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNullElse(list, List.of())));
    }
}
