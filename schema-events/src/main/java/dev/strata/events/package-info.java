/**
 * Schema events (a sealed set of records), revisions and subjects. Pure: no I/O, JDK only.
 */
package dev.strata.events;
