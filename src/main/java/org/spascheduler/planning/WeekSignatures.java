package org.spascheduler.planning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a roster of a week was solved from, in a few characters: every session of the week and every record its hard
 * rules read (the spa, therapists, rooms, care plans), each with its version. Equal before and after a solve, nothing
 * the solve relied on was written meanwhile. Read from the database, so it holds for every node sharing it.
 */
@Component
class WeekSignatures {

    private final JdbcClient jdbc;

    WeekSignatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String of(LocalDate weekStart) {
        var rows = jdbc.sql("""
                SELECT 'a' || id || ':' || version AS row_version FROM appointment WHERE week_start = :week
                UNION ALL SELECT 't' || id || ':' || version FROM therapist
                UNION ALL SELECT 'r' || id || ':' || version FROM room
                UNION ALL SELECT 'p' || id || ':' || version FROM care_plan
                UNION ALL SELECT 's' || id || ':' || version FROM spa
                ORDER BY 1
                """).param("week", weekStart).query(String.class).list();
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            rows.forEach(row -> digest.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }
}
