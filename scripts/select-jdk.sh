# Sourced by .ci/run and ./churnkit: exports JAVA_HOME pointing at a JDK >= $1 (default 21).
# Order: JAVA_HOME when it is new enough, else the newest JDK under /usr/lib/jvm.
# Prints a clear message and returns 1 when none is found.

churnkit_java_major() { # prints the major version of the JDK at $1, or nothing
  local v
  [ -x "$1/bin/javac" ] || return 0
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1)
  v=${v#1.}
  printf '%s' "${v%%.*}"
}

churnkit_select_jdk() {
  local need=${1:-21} pick="" best=0 d m
  if [ -n "${JAVA_HOME:-}" ]; then
    m=$(churnkit_java_major "$JAVA_HOME")
    if [ -n "$m" ] && [ "$m" -ge "$need" ]; then pick=$JAVA_HOME; fi
  fi
  if [ -z "$pick" ]; then
    for d in /usr/lib/jvm/*/; do
      d=${d%/}
      [ -L "$d" ] && continue
      m=$(churnkit_java_major "$d")
      if [ -n "$m" ] && [ "$m" -ge "$need" ] && [ "$m" -gt "$best" ]; then best=$m; pick=$d; fi
    done
  fi
  if [ -z "$pick" ]; then
    echo "error: no JDK $need or newer found (JAVA_HOME=${JAVA_HOME:-unset}; nothing suitable under /usr/lib/jvm)." >&2
    echo "Install one (for example Temurin 25) or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME=$pick
}
