/**
 * Diagrams of schemas for people (Mermaid ER diagrams), shared by the CLI's reports and the registry.
 * Pure: text in, text out, JDK only.
 */
package dev.strata.events.diagram;
