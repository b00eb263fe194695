DROP INDEX IF EXISTS hydra_oauth2_access_nid_subject_idx;
