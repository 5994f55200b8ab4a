package org.spascheduler.web;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** The checks every create, read, update and delete of the spa's records shares, each answered as the API promises. */
public final class Crud {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;

    private Crud() {
    }

    /** A page sorted by id, so that paging through a list that does not change sees every record once. */
    public static Pageable page(int page, int size) {
        if (page < 0) {
            throw new InvalidRequestException("page",
                    "must be 0 or more (0 is the first page), was %d".formatted(page));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size",
                    "must be from 1 to %d, was %d".formatted(MAX_PAGE_SIZE, size));
        }
        return PageRequest.of(page, size, Sort.by("id"));
    }

    /** Whether a text can be an id at all; one that cannot names nothing, and never reaches the database. */
    public static boolean isId(@Nullable String id) {
        return id != null && id.matches(Ids.PATTERN);
    }

    /** An id filter must look like an id: a typo such as a space is a 400, not a silently empty list. */
    public static @Nullable String idFilter(String field, @Nullable String id) {
        if (id != null && !isId(id)) {
            throw new InvalidRequestException(field, "is not an id (%s); ids match %s".formatted(id, Ids.PATTERN));
        }
        return id;
    }

    /** The id a new record gets: the one sent, or a new one. */
    public static String idForCreate(@Nullable String id, String prefix) {
        return id == null ? Ids.generate(prefix) : id;
    }

    /** An update names the version it read, and may repeat the path's id but not name another record. */
    public static int requireUpdatable(String pathId, @Nullable String bodyId, @Nullable Integer version) {
        if (bodyId != null && !bodyId.equals(pathId)) {
            throw new InvalidRequestException("id",
                    "(%s) differs from the id in the path (%s); leave it out or send the same".formatted(bodyId, pathId));
        }
        if (version == null) {
            throw new InvalidRequestException("version",
                    "is required to update: send the version you read, so no one else's change is overwritten");
        }
        return version;
    }

    /** Refuses a change based on an older read; the handler answers 409 "Stale version". */
    public static void requireCurrent(@Nullable Integer given, @Nullable Integer stored) {
        if (given != null && !Objects.equals(given, stored)) {
            throw new OptimisticLockingFailureException(
                    "Version (%s) is not the current version (%s).".formatted(given, stored));
        }
    }

    /** Input that passed bean validation but breaks the spa's data rules: 422 with every problem. */
    public static void requirePossible(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new UnprocessableException(problems);
        }
    }

    /** A create that names an id already taken: 409 pointing at the record that has it. */
    public static ConflictException alreadyExists(String what, String id, String location) {
        return new ConflictException("id", "A %s with id (%s) already exists; update it with PUT, or choose another id."
                .formatted(what, id), location);
    }

    /**
     * Deletes, or says what still refers to the record (409). The database enforces the references; the caller's
     * transaction rolls back whatever part of the aggregate (its children) was deleted before the refusal.
     *
     * @param referrers what may refer to it, in words, e.g. "clients or appointments"
     */
    public static void deleteUnlessReferenced(String what, String id, String referrers, Runnable delete) {
        try {
            delete.run();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("id", "The %s (%s) is still referred to by %s: change or delete those first; "
                    .formatted(what, id, referrers) + "nothing was deleted.", null);
        }
    }
}
