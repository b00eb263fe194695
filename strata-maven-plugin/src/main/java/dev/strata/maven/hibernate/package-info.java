/**
 * JPA entities to SQLite DDL through Hibernate: finding the {@code @Entity} classes of a project and
 * rendering them with Hibernate's schema export. Knows nothing of Maven or of the strata command.
 */
package dev.strata.maven.hibernate;
