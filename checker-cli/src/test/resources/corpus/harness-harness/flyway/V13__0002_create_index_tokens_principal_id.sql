CREATE INDEX tokens_principal_id
ON tokens(token_principal_id);
