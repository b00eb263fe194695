DROP TABLE IF EXISTS oauth2_par_context;
