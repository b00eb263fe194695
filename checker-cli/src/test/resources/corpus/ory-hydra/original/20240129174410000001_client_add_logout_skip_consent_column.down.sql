ALTER TABLE hydra_client DROP COLUMN skip_logout_consent;
