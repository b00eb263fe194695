DROP INDEX IF EXISTS hydra_oauth2_flow_login_session_subject_idx;
