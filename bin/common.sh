# Shared by the launchers in bin/: locate a JDK 25+, build the project when its sources changed, and assemble the
# run-time class path. Sourced, not executed.

FASTER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FASTER_MIN_JAVA=25
# Every JVM the project starts gets these: the Vector API module, and quiet about the sun.misc.Unsafe use inside
# third-party jars (Tablesaw's classgraph, Maven's guava), which JDK 25 would otherwise warn about at every start;
# deep JFR stacks so `corrset profile` sees through library code.
FASTER_JVM_FLAGS=(--add-modules jdk.incubator.vector --sun-misc-unsafe-memory-access=allow -Djava.awt.headless=true
  -XX:FlightRecorderOptions=stackdepth=256)

faster_die() {
  echo "faster: $*" >&2
  exit 1
}

# Prints the feature version (25, 21, ...) of the JDK at $1, or nothing if it is not a JDK.
faster_java_version() {
  local home="$1" line
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    line=$(grep -E '^JAVA_VERSION=' "$home/release" | head -n 1)
    line=${line#JAVA_VERSION=\"}
  else
    line=$("$home/bin/java" -version 2>&1 | head -n 1 | sed -E 's/.*version "([^"]*)".*/\1/')
  fi
  line=${line#1.}
  echo "${line%%[.\"+-]*}"
}

# Sets FASTER_JAVA_HOME to a JDK >= 25: JAVA_HOME if it qualifies, else the usual install locations.
faster_find_jdk() {
  local candidate version
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  [ -n "${CONDA_PREFIX:-}" ] && candidates+=("$CONDA_PREFIX/lib/jvm" "$CONDA_PREFIX")
  candidates+=(/usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*2[5-9]* /usr/lib/jvm/* /opt/java/* /opt/jdk* \
    /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home)
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in "${candidates[@]}"; do
    [ -d "$candidate" ] || continue
    version=$(faster_java_version "$candidate")
    if [ -n "$version" ] && [ "$version" -ge "$FASTER_MIN_JAVA" ] 2>/dev/null; then
      FASTER_JAVA_HOME="$candidate"
      export FASTER_JAVA_HOME
      return 0
    fi
  done
  faster_die "no JDK $FASTER_MIN_JAVA or newer found (looked at JAVA_HOME and /usr/lib/jvm, /opt/java, ~/.sdkman)." \
    "Install one, e.g. 'apt-get install temurin-25-jdk' or 'conda env create -f environment.yml', or set JAVA_HOME."
}

# Installs Debian packages ($2...) with apt-get, through sudo when not root; $1 names them in messages
# ("Jupyter"). Returns non-zero, saying why, when it cannot (no apt-get, or neither root nor sudo): the caller
# decides whether to stop.
faster_apt_install() {
  local purpose="$1"
  shift
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "faster: cannot install $purpose: no apt-get here (packages: $*)" >&2
    return 1
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "faster: installing $purpose needs root: apt-get install $*" >&2
      return 1
    fi
    sudo=(sudo)
  fi
  echo "faster: installing $purpose from Debian: $*" >&2
  "${sudo[@]}" apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "$@" >&2
}

# The Python peers (src/peers/python) run on Debian's /usr/bin/python3 with its NumPy, pandas and Numba, or on
# FASTER_PYTHON. Installs the packages when they are missing and it can; when it cannot it says so and returns 0:
# the commands then skip the Python rows with their own message.
FASTER_PYTHON_PACKAGES=(python3-numpy python3-pandas python3-numba)
faster_python_peers_ready() {
  local python="${FASTER_PYTHON:-/usr/bin/python3}"
  "$python" -c 'import numpy, pandas, numba' >/dev/null 2>&1 && return 0
  [ -n "${FASTER_PYTHON:-}" ] && return 0
  faster_apt_install "the Python peers' libraries" "${FASTER_PYTHON_PACKAGES[@]}" \
    || echo "faster: the Python rows will be skipped (install: apt-get install ${FASTER_PYTHON_PACKAGES[*]})" >&2
  return 0
}

# Runs Maven on the core's pom with the JDK found above.
faster_mvn() {
  faster_mvn_pom "$FASTER_ROOT/pom.xml" "$@"
}

# Runs Maven on the pom given first (the Spark module: src/spark/pom.xml) with the JDK found above.
faster_mvn_pom() {
  local pom="$1"
  shift
  command -v mvn >/dev/null 2>&1 || faster_die "Maven (mvn) not found: install it, e.g. 'apt-get install maven'."
  JAVA_HOME="$FASTER_JAVA_HOME" MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
    mvn -B -f "$pom" "$@"
}

# Compiles the project (classes + dependency jars under target/) when pom.xml or anything in src/main changed
# since the last build. Build output goes to stderr so stdout stays the command's own (e.g. --json).
faster_build_if_stale() {
  local stamp="$FASTER_ROOT/target/.faster-build-stamp"
  if [ -f "$stamp" ] && [ -d "$FASTER_ROOT/target/classes" ] && [ -d "$FASTER_ROOT/target/lib" ] \
    && [ -z "$(find "$FASTER_ROOT/pom.xml" "$FASTER_ROOT/src/main" -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  echo "faster: building the project (first use or sources changed)..." >&2
  local log
  log=$(mktemp)
  if ! faster_mvn -q -DskipTests compile >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    faster_die "the build failed (Maven output above)."
  fi
  rm -f "$log"
  touch "$stamp"
}

faster_classpath() {
  echo "$FASTER_ROOT/target/classes:$FASTER_ROOT/target/lib/*"
}

# The Spark module (src/spark, built into target/spark) when it or the core changed since its last build. It
# depends on the core artifact, so the core is installed into the local Maven repository first; then the module
# compiles and copies its run-time jars (Spark's ~220 MB) to target/spark/lib, away from the core's target/lib.
faster_build_spark_if_stale() {
  local stamp="$FASTER_ROOT/target/spark/.faster-build-stamp"
  if [ -f "$stamp" ] && [ -d "$FASTER_ROOT/target/spark/classes" ] && [ -d "$FASTER_ROOT/target/spark/lib" ] \
    && [ -z "$(find "$FASTER_ROOT/pom.xml" "$FASTER_ROOT/src/main" "$FASTER_ROOT/src/spark" -newer "$stamp" -print \
      -quit 2>/dev/null)" ]; then
    return 0
  fi
  echo "faster: building the Spark module (first use or sources changed; the first build downloads Spark)..." >&2
  local log
  log=$(mktemp)
  if ! { faster_mvn -q -Dmaven.test.skip=true install && \
    faster_mvn_pom "$FASTER_ROOT/src/spark/pom.xml" -q -DskipTests compile; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    faster_die "the Spark module's build failed (Maven output above)."
  fi
  rm -f "$log"
  touch "$stamp"
}

# The Spark module's run-time class path: the checkout's own core classes, the module's, Spark and the rest.
faster_spark_classpath() {
  echo "$FASTER_ROOT/target/spark/classes:$FASTER_ROOT/target/classes:$FASTER_ROOT/target/spark/lib/*"
}
