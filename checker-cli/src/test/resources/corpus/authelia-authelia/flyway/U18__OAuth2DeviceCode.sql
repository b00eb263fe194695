DROP TABLE IF EXISTS oauth2_device_code_session;
