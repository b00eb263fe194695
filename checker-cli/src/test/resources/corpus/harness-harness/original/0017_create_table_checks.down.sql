DROP INDEX reqchecks_repo_id;
DROP TABLE reqchecks;

DROP INDEX checks_repo_id_created;
DROP INDEX checks_repo_id_commit_sha_uid;
DROP TABLE checks;
