DROP TABLE pullreq_labels;
DROP TABLE label_values;
DROP TABLE labels;
