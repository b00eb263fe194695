/**
 * One reader per migration tool's folder layout (Flyway, golang-migrate, goose, dbmate, sqlx, Diesel, Liquibase
 * formatted SQL), each producing the same ordered list of up/down scripts with the tool's transaction rule and the
 * file and line to point at; detection of the layout, and the writer of a Flyway folder. Reads files only: no
 * database, no command line.
 */
package dev.strata.cli.layout;
