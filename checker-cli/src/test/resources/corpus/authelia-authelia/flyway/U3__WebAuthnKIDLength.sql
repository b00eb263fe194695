DROP TABLE IF EXISTS _bkp_UP_V0003_webauthn_devices;
