package org.spascheduler.week;

import java.time.LocalDate;

/**
 * What an import wrote: per kind, how many records were new and how many replaced a stored record with the same id.
 */
public record WeekImportResult(LocalDate weekStart, Counts inserted, Counts replaced) {

    public record Counts(int spa, int treatments, int therapists, int rooms, int clients, int carePlans,
            int appointments) {

        public int total() {
            return spa + treatments + therapists + rooms + clients + carePlans + appointments;
        }
    }
}
