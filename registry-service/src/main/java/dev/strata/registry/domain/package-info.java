/**
 * The registry's domain: registry events, the hash chain, the append rules of a subject's log and
 * the {@code EventStore} port. JDK and schema-events' core only; stores and HTTP are adapters around it.
 */
package dev.strata.registry.domain;
