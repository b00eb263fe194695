DROP TABLE memberships;

