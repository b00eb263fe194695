DROP TABLE IF EXISTS user_elevated_session_action;
DROP TABLE IF EXISTS user_elevated_session;
DROP TABLE IF EXISTS one_time_code;
