ALTER TABLE hydra_oauth2_refresh
  DROP COLUMN used_times;
