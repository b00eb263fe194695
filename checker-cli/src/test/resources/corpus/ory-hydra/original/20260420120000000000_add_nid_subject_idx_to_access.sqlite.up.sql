CREATE INDEX IF NOT EXISTS hydra_oauth2_access_nid_subject_idx ON hydra_oauth2_access (nid ASC, subject ASC, client_id ASC);
