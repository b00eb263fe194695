DROP TABLE bandwidth_stats;

DROP TABLE download_stats;