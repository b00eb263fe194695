create table posts (
  id integer,
  name varchar(255)
);

