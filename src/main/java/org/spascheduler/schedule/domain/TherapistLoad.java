package org.spascheduler.schedule.domain;

/** How physically demanding a treatment is for the therapist (and how sore it may leave the client). */
public enum TherapistLoad {
    LOW,
    HIGH
}
