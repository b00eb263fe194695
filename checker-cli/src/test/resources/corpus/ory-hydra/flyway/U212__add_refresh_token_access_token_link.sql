ALTER TABLE hydra_oauth2_refresh DROP COLUMN access_token_signature;
