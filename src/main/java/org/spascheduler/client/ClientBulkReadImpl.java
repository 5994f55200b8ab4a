package org.spascheduler.client;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The one hand-written read of an aggregate: see {@link ClientBulkRead} for why. */
class ClientBulkReadImpl implements ClientBulkRead {

    private final JdbcClient jdbc;

    ClientBulkReadImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredClient> findAllWithPreferencesById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var preferred = new HashMap<String, Set<StoredClient.PreferredTherapist>>();
        jdbc.sql("SELECT client_id, therapist_id FROM client_preferred_therapist WHERE client_id IN (:ids)")
                .param("ids", ids)
                .query((row, number) -> preferred.computeIfAbsent(row.getString(1), id -> new HashSet<>())
                        .add(new StoredClient.PreferredTherapist(row.getString(2))))
                .list();
        var avoided = new HashMap<String, Set<StoredClient.AvoidedTherapist>>();
        jdbc.sql("SELECT client_id, therapist_id FROM client_avoided_therapist WHERE client_id IN (:ids)")
                .param("ids", ids)
                .query((row, number) -> avoided.computeIfAbsent(row.getString(1), id -> new HashSet<>())
                        .add(new StoredClient.AvoidedTherapist(row.getString(2))))
                .list();
        var times = new HashMap<String, List<StoredClient.PreferredTime>>();
        jdbc.sql("SELECT client_id, day_of_week, starts, ends FROM client_preferred_time WHERE client_id IN (:ids)"
                + " ORDER BY client_id, position")
                .param("ids", ids)
                .query((row, number) -> times.computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                        .add(new StoredClient.PreferredTime(DayOfWeek.valueOf(row.getString(2)),
                                row.getTime(3).toLocalTime(), row.getTime(4).toLocalTime())))
                .list();
        return jdbc.sql("SELECT id, name, email, phone, chronic, version FROM client WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query((row, number) -> {
                    var id = row.getString(1);
                    return new StoredClient(id, row.getString(2), row.getString(3), row.getString(4),
                            row.getBoolean(5), preferred.getOrDefault(id, Set.of()),
                            avoided.getOrDefault(id, Set.of()), times.getOrDefault(id, List.of()), row.getInt(6));
                })
                .list();
    }
}
