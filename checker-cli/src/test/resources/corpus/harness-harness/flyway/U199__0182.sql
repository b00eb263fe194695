DROP TABLE pullreq_file_group_files;
DROP TABLE pullreq_file_groups;