-- Who may sign in (account/, security/). A password is stored only as its Spring Security DelegatingPasswordEncoder
-- hash ("{bcrypt}$2a$10$..."): the prefix names the algorithm, so a stronger one can take over account by account.
-- A therapist's or client's account is linked to their record; deleting the record deletes the account with it.
CREATE TABLE account (
    id            VARCHAR(64)  PRIMARY KEY,
    username      VARCHAR(100) NOT NULL UNIQUE,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    therapist_id  VARCHAR(64)  REFERENCES therapist (id) ON DELETE CASCADE,
    client_id     VARCHAR(64)  REFERENCES client (id) ON DELETE CASCADE,
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    version       INT,
    CONSTRAINT account_role CHECK (role IN ('MANAGER', 'FRONT_DESK', 'THERAPIST', 'CLIENT')),
    CONSTRAINT account_link CHECK ((role = 'THERAPIST') = (therapist_id IS NOT NULL)
        AND (role = 'CLIENT') = (client_id IS NOT NULL))
);
