-- Secrets the service makes for itself on its first start and every node of it shares, such as the key that signs
-- suggestion ids (carejourney.SuggestionKey): a restart or a second node accepts what the first node signed.
CREATE TABLE server_secret (
    name       VARCHAR(64)  PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP    NOT NULL
);
