ALTER TABLE identity_verification DROP COLUMN revoked_ip;
ALTER TABLE identity_verification DROP COLUMN revoked;
