#!/bin/sh
# Docker entrypoint for the stock analyzer app: bring the database to head, then start the app.
# strata upgrade backs the database up first and restores it if a migration fails (exit 3), so a bad
# release never starts on a half-migrated database; the container then exits and the orchestrator
# keeps the previous release running.
set -eu
strata -C /app upgrade head
exec "$@"
