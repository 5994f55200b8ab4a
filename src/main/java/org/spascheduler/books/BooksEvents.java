package org.spascheduler.books;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.room.RoomRepository;
import org.spascheduler.room.StoredRoom;
import org.spascheduler.therapist.StoredTherapist;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.treatment.StoredTreatment;
import org.spascheduler.treatment.TreatmentRepository;
import org.springframework.stereotype.Service;

/** The week's event log as the front desk reads it: each event with the names of what it changed, and whom to call. */
@Service
public class BooksEvents {

    private final BooksEventRepository events;
    private final TherapistRepository therapists;
    private final RoomRepository rooms;
    private final TreatmentRepository treatments;
    private final ClientRepository clients;

    BooksEvents(BooksEventRepository events, TherapistRepository therapists, RoomRepository rooms,
            TreatmentRepository treatments, ClientRepository clients) {
        this.events = events;
        this.therapists = therapists;
        this.rooms = rooms;
        this.treatments = treatments;
        this.clients = clients;
    }

    /** The week's events, oldest first. */
    public List<EventViews.EventView> events(LocalDate weekStart) {
        var names = names();
        return events.findByWeekStartOrderByRecordedAtAscIdAsc(weekStart).stream()
                .map(event -> view(event, names)).toList();
    }

    EventViews.EventView view(BooksEvent event) {
        return view(event, names());
    }

    /** The names an event's changes are shown with, read once per answer. */
    private record Names(Map<String, String> therapists, Map<String, String> rooms, Map<String, String> treatments) {
    }

    private Names names() {
        return new Names(names(therapists.findAll(), StoredTherapist::id, StoredTherapist::name),
                names(rooms.findAll(), StoredRoom::id, StoredRoom::name),
                names(treatments.findAll(), StoredTreatment::id, StoredTreatment::name));
    }

    private EventViews.EventView view(BooksEvent event, Names names) {
        var clientIds = event.changes().stream().map(BooksEvent.Change::clientId).collect(Collectors.toSet());
        var clientsById = clients.findAllById(clientIds).stream()
                .collect(Collectors.toMap(client -> client.id(), Function.identity()));
        var changes = event.changes().stream().map(change -> {
            var client = clientsById.get(change.clientId());
            return new EventViews.ChangeView(change.appointmentId(), change.clientId(),
                    client == null ? change.clientId() : client.name(), client == null ? null : client.phone(),
                    client == null ? null : client.email(),
                    names.treatments().getOrDefault(change.treatmentId(), change.treatmentId()),
                    place(change.fromTherapistId(), change.fromRoomId(), change.fromStartsAt(), names),
                    place(change.toTherapistId(), change.toRoomId(), change.toStartsAt(), names),
                    change.kept(), change.why());
        }).toList();
        var toCall = new ArrayList<EventViews.ChangeView>();
        for (var index = 0; index < changes.size(); index++) {
            var change = event.changes().get(index);
            if (change.promised() || !change.kept() && change.fromStartsAt() != null) {
                toCall.add(changes.get(index));
            }
        }
        return new EventViews.EventView(Objects.requireNonNull(event.id()), event.kind(), event.weekStart(),
                event.actor(), event.reason(), event.recordedAt(), event.appointmentId(), event.therapistId(),
                event.roomId(), event.startsAt(), event.endsAt(), event.late(), event.score(), changes, toCall);
    }

    private static EventViews.PlaceView place(@Nullable String therapistId, @Nullable String roomId,
            @Nullable LocalDateTime startsAt, Names names) {
        return new EventViews.PlaceView(therapistId, therapistId == null ? null : names.therapists().get(therapistId),
                roomId, roomId == null ? null : names.rooms().get(roomId), startsAt);
    }

    private static <T> Map<String, String> names(List<T> values, Function<T, String> id, Function<T, String> name) {
        return values.stream().collect(Collectors.toMap(id, name));
    }
}
