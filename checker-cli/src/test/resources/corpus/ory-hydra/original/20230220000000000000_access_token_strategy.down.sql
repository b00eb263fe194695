ALTER TABLE hydra_client DROP COLUMN access_token_strategy;
