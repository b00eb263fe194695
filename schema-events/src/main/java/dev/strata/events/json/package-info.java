/**
 * The file formats: revision JSON (strict codec, canonical form and hashes, atomic files, history
 * verification), models.yaml and schema JSON. The only package of schema-events that uses Jackson.
 */
package dev.strata.events.json;
