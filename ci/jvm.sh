# Sourced by the strata launchers: how the CLI's JVM is started.
# A check is a short, mostly native (SQLite) run: the C1 compiler alone and the serial collector
# start faster and cost no more wall time on long histories, and a class-data archive made by a
# training run on the bundled example saves most of the class loading (about half of a small check).
# Warnings go to stderr so that stdout stays the report (an archive from another JDK only warns).
STRATA_JAVA_OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=warning:stderr)

# strata_train JAR EXAMPLE: writes JAR's class-data archive (JAR without .jar, plus .jsa) by checking
# EXAMPLE; without an archive the CLI runs the same, only slower to start.
strata_train() {
  local jsa="${1%.jar}.jsa"
  # written beside it and moved into place: a launcher running meanwhile sees the old archive (which it ignores
  # once older than the jar) or the new one, never half of one
  local tmp="$jsa.$$.tmp"
  if [[ -d "$2" ]]; then
    # a cache of its own, dropped after: the example's first real check is a check, not a cache hit
    if java "${STRATA_JAVA_OPTS[@]}" -XX:ArchiveClassesAtExit="$tmp" -jar "$1" -C "$2" check --cache "$tmp.cache" >/dev/null 2>&1 \
        && [[ -s "$tmp" ]]; then
      mv -f "$tmp" "$jsa"
    fi
    rm -rf "$tmp" "$tmp.cache"
  fi
}

# strata_java_opts JAR: the options to run JAR with, its archive included when it is newer than JAR.
strata_java_opts() {
  local jsa="${1%.jar}.jsa"
  STRATA_OPTS=("${STRATA_JAVA_OPTS[@]}")
  if [[ -f "$jsa" && "$jsa" -nt "$1" ]]; then
    STRATA_OPTS+=(-XX:SharedArchiveFile="$jsa")
  fi
}
