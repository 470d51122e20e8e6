# Sourced by every script in bin/: finds a JDK >= 25 and Maven, installing them from apt when that is possible.
# Nothing here prints unless something is missing or wrong.

TWAMP_MIN_JAVA=25
# The flags every JVM of the project runs with: FFM downcalls (the native reflector, namespaces) and Netty on JDK 25.
TWAMP_JVM_FLAGS="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"

twamp_die() {
    echo "twamp-agent: $*" >&2
    exit 1
}

# The major version of the java in JDK home $1, or nothing when it is not a JDK.
twamp_java_major() {
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

twamp_jdk_ok() {
    local major
    major=$(twamp_java_major "$1")
    [ -n "$major" ] && [ "$major" -ge "$TWAMP_MIN_JAVA" ]
}

twamp_find_jdk() {
    if [ -n "${JAVA_HOME:-}" ] && twamp_jdk_ok "$JAVA_HOME"; then
        echo "$JAVA_HOME"
        return 0
    fi
    local dir
    # Temurin first (it is what these machines ship), then any other JDK, newest name last wins nothing: first fit.
    for dir in /usr/lib/jvm/temurin-*-jdk* /usr/lib/jvm/*; do
        if [ -d "$dir" ] && twamp_jdk_ok "$dir"; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

# apt-get install of the packages named, with one 'apt-get update' first when the lists do not know them.
twamp_apt_install() {
    [ "$#" -gt 0 ] || return 0
    command -v apt-get >/dev/null 2>&1 || twamp_die "needs the packages $* and this machine has no apt-get: install them by hand"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || twamp_die "needs the packages $*: run as root or install them (apt-get install $*)"
        sudo="sudo"
    fi
    local pkg
    for pkg in "$@"; do
        if ! apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
            echo "twamp-agent: apt-get update (to find $pkg)" >&2
            $sudo apt-get update -qq >&2 || true
            break
        fi
    done
    echo "twamp-agent: installing $* from apt" >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2 \
        || twamp_die "apt-get install $* failed"
}

# Sets and exports JAVA_HOME to a JDK >= 25; installs openjdk-25-jdk-headless where apt offers it.
twamp_require_java() {
    local jdk
    if ! jdk=$(twamp_find_jdk); then
        if command -v apt-cache >/dev/null 2>&1 \
                && { apt-cache policy openjdk-25-jdk-headless 2>/dev/null | grep -q 'Candidate: [0-9]' \
                     || { [ "$(id -u)" -eq 0 ] && apt-get update -qq >/dev/null 2>&1 \
                          && apt-cache policy openjdk-25-jdk-headless 2>/dev/null | grep -q 'Candidate: [0-9]'; }; }; then
            twamp_apt_install openjdk-25-jdk-headless
            jdk=$(twamp_find_jdk) || twamp_die "installed openjdk-25-jdk-headless but still found no JDK >= $TWAMP_MIN_JAVA"
        else
            twamp_die "needs a JDK >= $TWAMP_MIN_JAVA and found none (JAVA_HOME is '${JAVA_HOME:-}', nothing fits under /usr/lib/jvm, and apt offers no openjdk-25-jdk-headless). Install Temurin 25 or OpenJDK 25 and set JAVA_HOME to it."
        fi
    fi
    export JAVA_HOME="$jdk"
    export PATH="$JAVA_HOME/bin:$PATH"
    # Maven's own Guava calls sun.misc.Unsafe; on JDK 25 that prints four warnings per build unless allowed.
    case "${MAVEN_OPTS:-}" in
        *sun-misc-unsafe-memory-access*) ;;
        *) export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow" ;;
    esac
}

twamp_require_maven() {
    command -v mvn >/dev/null 2>&1 || twamp_apt_install maven
    command -v mvn >/dev/null 2>&1 || twamp_die "needs Maven (apt-get install maven)"
}
