package org.spascheduler.books;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.SortedSet;

import org.jspecify.annotations.Nullable;
import org.spascheduler.therapist.StoredTherapist;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A therapist cannot work from {@code startsAt} to {@code endsAt} (a sick call: a day or part of it): the time off is
 * recorded and their sessions in it move.
 */
public record TherapistUnavailable(@NotBlank String therapistId, @NotNull LocalDateTime startsAt,
        @NotNull LocalDateTime endsAt, @Nullable @Size(max = 200) String reason) implements BookChange<Void> {

    @Override
    public BooksEventKind kind() {
        return BooksEventKind.THERAPIST_UNAVAILABLE;
    }

    @Override
    public SortedSet<LocalDate> weeks(BooksAccess books) {
        books.knownId(therapistId, "therapistId", "therapist");
        return BooksAccess.only(books.period(startsAt, endsAt).weekStart());
    }

    @Override
    public Written<Void> apply(BooksAccess books, SortedSet<LocalDate> lockedWeeks, String actor) {
        var period = books.period(startsAt, endsAt);
        var therapist = books.therapists.findById(books.knownId(therapistId, "therapistId", "therapist"))
                .orElseThrow();
        var timeOff = new ArrayList<>(therapist.timeOff());
        timeOff.add(new StoredTherapist.TimeOff(startsAt, endsAt, reason));
        books.therapists.save(therapist.withTimeOff(timeOff));
        return books.releasedDuring(period, appointment -> therapist.id().equals(appointment.therapistId()),
                "%s is unavailable%s".formatted(therapist.name(), BooksAccess.because(reason)),
                new Written.Subject(null, therapist.id(), null, startsAt, endsAt, false), reason);
    }
}
