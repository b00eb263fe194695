/**
 * The goals of strata-maven-plugin: {@code models} (the entities' schema as target/strata/models.sql)
 * and {@code check} (strata check with those models, in-process). The only package that sees Maven's API.
 */
package dev.strata.maven;
