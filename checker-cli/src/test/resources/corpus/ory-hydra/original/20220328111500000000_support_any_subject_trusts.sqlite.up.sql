ALTER TABLE hydra_oauth2_trusted_jwt_bearer_issuer
    ADD allow_any_subject INTEGER NOT NULL DEFAULT FALSE;
