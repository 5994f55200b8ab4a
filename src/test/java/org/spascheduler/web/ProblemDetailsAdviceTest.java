package org.spascheduler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;

/** A write that breaks a foreign key, however it got past the checks: a 409 naming the field, never a 500. */
class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void aWriteNamingARowThatIsGoneNamesItsField() {
        var h2 = new SQLException("Referential integrity constraint violation: \"CONSTRAINT_8B: PUBLIC.APPOINTMENT "
                + "FOREIGN KEY(PUBLISHED_ROOM_ID) REFERENCES PUBLIC.ROOM(ID) ('room-1')\"; SQL statement: INSERT ...",
                "23506", 23506);
        var postgres = new SQLException("ERROR: insert or update on table \"appointment\" violates foreign key "
                + "constraint \"appointment_room_id_fkey\"\n  Detail: Key (room_id)=(room-1) is not present in table "
                + "\"room\".", "23503");

        var problem = advice.stillReferenced(new DataIntegrityViolationException("insert", h2));

        assertThat(problem.getStatus()).isEqualTo(HttpStatus.CONFLICT.value());
        assertThat(problem.getProperties()).containsEntry("field", "publishedRoomId");
        assertThat(advice.stillReferenced(new DataIntegrityViolationException("insert", postgres)).getProperties())
                .containsEntry("field", "roomId");
    }

    @Test
    void aDeleteOfARowStillReferredToNamesTheId() {
        var h2 = new SQLException("Referential integrity constraint violation: \"CONSTRAINT_8B: PUBLIC.APPOINTMENT "
                + "FOREIGN KEY(ROOM_ID) REFERENCES PUBLIC.ROOM(ID) ('room-1')\"; SQL statement: DELETE ...",
                "23503", 23503);

        var problem = advice.stillReferenced(new DataIntegrityViolationException("delete", h2));

        assertThat(problem.getStatus()).isEqualTo(HttpStatus.CONFLICT.value());
        assertThat(problem.getProperties()).containsEntry("field", "id");
    }

    @Test
    void twoTransactionsClashingIsA409TryAgainNotA500() {
        var problem = advice.concurrentWrite(new org.springframework.dao.ConcurrencyFailureException(
                "Concurrent update to table \"APPOINTMENT\""));

        assertThat(problem.getStatus()).isEqualTo(HttpStatus.CONFLICT.value());
        assertThat(problem.getProperties()).containsEntry("field", "request");
    }
}
