DROP TABLE IF EXISTS totp_history;
