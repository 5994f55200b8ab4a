package org.spascheduler.web;

/** An id that names nothing: answered with 404. */
public class NotFoundException extends RuntimeException {

    private final String field;

    /**
     * @param what what was looked for, e.g. "therapist"
     * @param field the request field or path variable that carried the id
     */
    public NotFoundException(String what, String field, Object id) {
        super("There is no %s with id (%s).".formatted(what, id));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
