CREATE INDEX IF NOT EXISTS hydra_oauth2_refresh_nid_subject_idx ON hydra_oauth2_refresh (nid ASC, subject ASC, client_id ASC);
