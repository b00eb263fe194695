DROP TABLE hydra_client;

DROP TABLE hydra_jwk;

DROP TABLE hydra_oauth2_authentication_session;

DROP TABLE hydra_oauth2_authentication_request;

DROP TABLE hydra_oauth2_consent_request;

DROP TABLE hydra_oauth2_consent_request_handled;

DROP TABLE hydra_oauth2_access;

DROP TABLE hydra_oauth2_authentication_request_handled;

DROP TABLE hydra_oauth2_code;

DROP TABLE hydra_oauth2_jti_blacklist;

DROP TABLE hydra_oauth2_logout_request;

DROP TABLE hydra_oauth2_obfuscated_authentication_session;

DROP TABLE hydra_oauth2_oidc;

DROP TABLE hydra_oauth2_pkce;

DROP TABLE hydra_oauth2_refresh;
