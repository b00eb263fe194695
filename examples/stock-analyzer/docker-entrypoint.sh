#!/bin/sh
# Docker entrypoint for the stock analyzer app: bring the database to head, verify it, then start the app.
# strata upgrade backs the database up first and restores it if a migration fails (exit 3), so a bad
# release never starts on a half-migrated database; the container then exits and the orchestrator
# keeps the previous release running.
#
# Configured by environment variables (the Dockerfile sets these defaults):
#   STRATA_PROJECT  the project folder with strata.yaml, schema/ and db/migration/   (default /app)
#   STRATA_DB       the database file, best on a mounted volume            (default: strata.yaml's database)
#   STRATA_BACKUPS  where backups go: mount a volume here, or they die with the container (default /backups)
#   STRATA_TARGET   the revision to upgrade to                                        (default head)
set -eu
project="${STRATA_PROJECT:-/app}"
backups="${STRATA_BACKUPS:-/backups}"
target="${STRATA_TARGET:-head}"

if [ ! -f "$project/strata.yaml" ]; then
  echo "docker-entrypoint: no strata.yaml in $project; set STRATA_PROJECT to the project folder" >&2
  exit 2
fi
# a backup folder that is not a mount point lives inside the container and is lost with it
if ! awk -v dir="$backups" '$2 == dir { found = 1 } END { exit !found }' /proc/self/mounts 2>/dev/null; then
  echo "docker-entrypoint: warning: $backups is not a mounted volume, so backups are lost with the container;" \
       "mount one: -v /srv/stock-analyzer/backups:$backups" >&2
fi

strata -C "$project" ${STRATA_DB:+--db "$STRATA_DB"} --backups "$backups" upgrade "$target"
strata -C "$project" ${STRATA_DB:+--db "$STRATA_DB"} --backups "$backups" verify
exec "$@"
