ALTER TABLE oauth2_consent_session
    DROP COLUMN expires_at;
