ALTER TABLE hydra_oauth2_refresh DROP COLUMN first_used_at;
