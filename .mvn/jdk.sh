# Sourced by ./mvnw and ./treaty (POSIX sh): makes JAVA_HOME point at a JDK >= 21.
# Treaty compiles with --release 21, and many machines still default to an older JDK,
# so both entry points choose one themselves: JAVA_HOME if new enough, else
# /usr/lib/jvm/temurin-25-jdk-amd64, else any JDK >= 21 under /usr/lib/jvm.

treaty_jdk_major() {
  # Prints the feature version of the JDK at $1 (e.g. 25), or nothing.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

treaty_jdk_ok() {
  treaty_jdk_v=$(treaty_jdk_major "$1")
  [ -n "$treaty_jdk_v" ] && [ "$treaty_jdk_v" -ge 21 ]
}

if [ -n "${JAVA_HOME-}" ] && treaty_jdk_ok "$JAVA_HOME"; then
  :
else
  treaty_jdk_found=
  if treaty_jdk_ok /usr/lib/jvm/temurin-25-jdk-amd64; then
    treaty_jdk_found=/usr/lib/jvm/temurin-25-jdk-amd64
  else
    set +f
    for treaty_jdk_candidate in /usr/lib/jvm/*; do
      if treaty_jdk_ok "$treaty_jdk_candidate"; then
        treaty_jdk_found=$treaty_jdk_candidate
        break
      fi
    done
  fi
  if [ -z "$treaty_jdk_found" ]; then
    echo "treaty: no JDK 21 or newer found. Set JAVA_HOME to a JDK >= 21 (JAVA_HOME=${JAVA_HOME:-unset})." >&2
    exit 2
  fi
  JAVA_HOME=$treaty_jdk_found
  export JAVA_HOME
fi
