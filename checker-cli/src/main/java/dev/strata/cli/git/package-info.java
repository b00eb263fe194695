/**
 * Git, through Eclipse JGit: files at any ref, merge bases and version tags. The only package of the
 * CLI that touches JGit; it never parses the output of the git command.
 */
package dev.strata.cli.git;
