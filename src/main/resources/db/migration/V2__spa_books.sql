-- The spa's books: its settings, treatments, staff, rooms, clients, care plans and appointments. Times are the spa's
-- wall-clock times (its time zone is in spa.time_zone). Weekly patterns are a day of the week with a time range; dated
-- periods are two timestamps. Aggregates reference each other by id; children go with their aggregate.
-- H2 folds unquoted names to upper case, and Spring Data JDBC quotes the names it is given: hence the upper-case
-- names in @Table, @Column and @MappedCollection.

-- One spa per database: the row with id 1.
CREATE TABLE spa (
    id                          INT PRIMARY KEY,
    name                        VARCHAR(200) NOT NULL,
    time_zone                   VARCHAR(64)  NOT NULL,
    grain_minutes               INT          NOT NULL,
    high_load_rest_minutes      INT          NOT NULL,
    work_rules_break_minutes    INT          NOT NULL,
    work_rules_max_run_minutes  INT          NOT NULL,
    work_rules_long_day_minutes INT          NOT NULL,
    work_rules_compact_gap_minutes INT       NOT NULL,
    version                     INT          NOT NULL
);

CREATE TABLE opening_hours (
    spa_id      INT         NOT NULL REFERENCES spa (id) ON DELETE CASCADE,
    position     INT         NOT NULL,
    day_of_week VARCHAR(9)  NOT NULL,
    opens       TIME        NOT NULL,
    closes      TIME        NOT NULL
);

CREATE TABLE treatment (
    id                    VARCHAR(64)  PRIMARY KEY,
    name                  VARCHAR(200) NOT NULL,
    required_skill        VARCHAR(100) NOT NULL,
    therapist_load        VARCHAR(10)  NOT NULL,
    turnover_minutes      INT          NOT NULL,
    series_min_days       INT,
    series_ideal_min_days INT,
    series_ideal_max_days INT,
    series_max_days       INT,
    version               INT          NOT NULL
);

CREATE TABLE treatment_duration (
    treatment_id  VARCHAR(64) NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,
    position      INT         NOT NULL,
    minutes       INT         NOT NULL,
    PRIMARY KEY (treatment_id, position)
);

CREATE TABLE treatment_room_feature (
    treatment_id VARCHAR(64)  NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,
    feature      VARCHAR(100) NOT NULL
);

CREATE TABLE therapist (
    id                             VARCHAR(64)  PRIMARY KEY,
    name                           VARCHAR(200) NOT NULL,
    changeover_minutes             INT          NOT NULL,
    max_hands_on_minutes_per_day   INT          NOT NULL,
    max_high_load_sessions_per_day INT          NOT NULL,
    -- null: the spa's work rules
    work_rules_break_minutes       INT,
    work_rules_max_run_minutes     INT,
    work_rules_long_day_minutes    INT,
    work_rules_compact_gap_minutes INT,
    version                        INT          NOT NULL
);

CREATE TABLE therapist_skill (
    therapist_id VARCHAR(64)  NOT NULL REFERENCES therapist (id) ON DELETE CASCADE,
    skill        VARCHAR(100) NOT NULL
);

-- The therapist's usual week; a week with dated shifts uses those instead.
CREATE TABLE therapist_weekly_shift (
    therapist_id VARCHAR(64) NOT NULL REFERENCES therapist (id) ON DELETE CASCADE,
    position     INT         NOT NULL,
    day_of_week  VARCHAR(9)  NOT NULL,
    starts       TIME        NOT NULL,
    ends         TIME        NOT NULL
);

CREATE TABLE therapist_shift (
    therapist_id VARCHAR(64) NOT NULL REFERENCES therapist (id) ON DELETE CASCADE,
    position     INT         NOT NULL,
    starts_at    TIMESTAMP   NOT NULL,
    ends_at      TIMESTAMP   NOT NULL
);

CREATE TABLE therapist_time_off (
    therapist_id VARCHAR(64)  NOT NULL REFERENCES therapist (id) ON DELETE CASCADE,
    position     INT         NOT NULL,
    starts_at    TIMESTAMP    NOT NULL,
    ends_at      TIMESTAMP    NOT NULL,
    reason       VARCHAR(200)
);

CREATE TABLE therapist_rather_not_work (
    therapist_id VARCHAR(64) NOT NULL REFERENCES therapist (id) ON DELETE CASCADE,
    position     INT         NOT NULL,
    day_of_week  VARCHAR(9)  NOT NULL,
    starts       TIME        NOT NULL,
    ends         TIME        NOT NULL
);

CREATE TABLE room (
    id      VARCHAR(64)  PRIMARY KEY,
    name    VARCHAR(200) NOT NULL,
    version INT          NOT NULL
);

CREATE TABLE room_feature (
    room_id VARCHAR(64)  NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    feature VARCHAR(100) NOT NULL
);

CREATE TABLE room_out_of_service (
    room_id   VARCHAR(64)  NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    position     INT         NOT NULL,
    starts_at TIMESTAMP    NOT NULL,
    ends_at   TIMESTAMP    NOT NULL,
    reason    VARCHAR(200)
);

CREATE TABLE client (
    id      VARCHAR(64)  PRIMARY KEY,
    name    VARCHAR(200) NOT NULL,
    email   VARCHAR(200),
    phone   VARCHAR(50),
    chronic BOOLEAN      NOT NULL,
    version INT          NOT NULL
);

CREATE TABLE client_preferred_therapist (
    client_id    VARCHAR(64) NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    therapist_id VARCHAR(64) NOT NULL REFERENCES therapist (id)
);

CREATE TABLE client_avoided_therapist (
    client_id    VARCHAR(64) NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    therapist_id VARCHAR(64) NOT NULL REFERENCES therapist (id)
);

CREATE TABLE client_preferred_time (
    client_id   VARCHAR(64) NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    position     INT         NOT NULL,
    day_of_week VARCHAR(9)  NOT NULL,
    starts      TIME        NOT NULL,
    ends        TIME        NOT NULL
);

CREATE TABLE care_plan (
    id                   VARCHAR(64) PRIMARY KEY,
    client_id            VARCHAR(64) NOT NULL REFERENCES client (id),
    treatment_id         VARCHAR(64) NOT NULL REFERENCES treatment (id),
    total_sessions       INT         NOT NULL,
    min_days             INT         NOT NULL,
    ideal_min_days       INT         NOT NULL,
    ideal_max_days       INT         NOT NULL,
    max_days             INT         NOT NULL,
    same_therapist       BOOLEAN     NOT NULL,
    -- sessions of the series that took place before it was kept here
    sessions_done_before INT         NOT NULL,
    version              INT         NOT NULL
);

-- A session a client asked for, with where it stands and, once placed, its therapist, room and start; the published
-- columns hold what the client was told.
CREATE TABLE appointment (
    id                     VARCHAR(64) PRIMARY KEY,
    client_id              VARCHAR(64) NOT NULL REFERENCES client (id),
    treatment_id           VARCHAR(64) NOT NULL REFERENCES treatment (id),
    duration_minutes       INT         NOT NULL,
    window_start           TIMESTAMP   NOT NULL,
    window_end             TIMESTAMP   NOT NULL,
    week_start             DATE        NOT NULL,
    state                  VARCHAR(12) NOT NULL,
    released               BOOLEAN     NOT NULL,
    care_plan_id           VARCHAR(64) REFERENCES care_plan (id),
    therapist_id           VARCHAR(64) REFERENCES therapist (id),
    room_id                VARCHAR(64) REFERENCES room (id),
    starts_at              TIMESTAMP,
    published_therapist_id VARCHAR(64) REFERENCES therapist (id),
    published_room_id      VARCHAR(64) REFERENCES room (id),
    published_starts_at    TIMESTAMP,
    version                INT         NOT NULL
);

CREATE INDEX appointment_week ON appointment (week_start, state);
CREATE INDEX appointment_therapist ON appointment (therapist_id);
CREATE INDEX appointment_room ON appointment (room_id);
CREATE INDEX appointment_client ON appointment (client_id);
CREATE INDEX appointment_care_plan ON appointment (care_plan_id);

-- A manager's change to a constraint's weight; constraints without a row keep the weight they are defined with.
CREATE TABLE constraint_weight (
    constraint_name VARCHAR(100) PRIMARY KEY,
    weight          BIGINT       NOT NULL,
    version         INT          NOT NULL
);

CREATE TABLE roster_job (
    id                BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    week_start        DATE          NOT NULL,
    status            VARCHAR(12)   NOT NULL,
    score             VARCHAR(100),
    hard_score        BIGINT,
    medium_score      BIGINT,
    soft_score        BIGINT,
    sessions          INT           NOT NULL,
    placed            INT           NOT NULL,
    unplaced          INT           NOT NULL,
    spent_limit_millis BIGINT       NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at          TIMESTAMP WITH TIME ZONE,
    failure_reason    VARCHAR(2000),
    version           INT           NOT NULL
);

CREATE INDEX roster_job_week ON roster_job (week_start, status);
