-- A POST sent with an Idempotency-Key: its first answer, replayed to every retry with the same key and body.
-- CALLER keeps one caller's keys apart from another's; STATUS is null while the first request is being answered.
CREATE TABLE IDEMPOTENT_REQUEST (
    CALLER          VARCHAR(100)  NOT NULL,
    IDEMPOTENCY_KEY VARCHAR(200)  NOT NULL,
    REQUEST_HASH    CHAR(64)      NOT NULL,
    CLAIMED_AT      TIMESTAMP     NOT NULL,
    STATUS          INT,
    CONTENT_TYPE    VARCHAR(200),
    LOCATION        VARCHAR(2000),
    BODY            BLOB,
    PRIMARY KEY (CALLER, IDEMPOTENCY_KEY)
);
CREATE INDEX IDEMPOTENT_REQUEST_CLAIMED_AT ON IDEMPOTENT_REQUEST (CLAIMED_AT);
