# Sourced by bin/run and bin/test: checks what Parley needs, sets up what it can, and otherwise stops at once with
# one line saying exactly what to install. Only builtins run before a tool is found, so a bare PATH gets the message.

PARLEY_ROOT=$(cd "${BASH_SOURCE[0]%/*}/.." && pwd)

# $1: what is missing, $2: what to do about it.
parley_stop() {
  echo "${0##*/}: $1: $2" >&2
  exit 3
}

parley_require_java_maven_node() {
  local version
  command -v java >/dev/null || parley_stop "java not found" "install Java 17 or later (Debian: apt-get install openjdk-17-jdk-headless)"
  version=$(java -version 2>&1)
  [[ $version =~ version\ \"(1\.)?([0-9]+) ]] && ((BASH_REMATCH[2] >= 17)) \
    || parley_stop "Java 17 or later needed, found: ${version%%$'\n'*}" "install it (Debian: apt-get install openjdk-17-jdk-headless) and put it first on the PATH"
  command -v mvn >/dev/null || parley_stop "mvn not found" "install Maven 3.8 or later (Debian: apt-get install maven)"
  command -v node >/dev/null || parley_stop "node not found" "install Node.js 20 or later (https://nodejs.org, or Debian: apt-get install nodejs npm)"
  version=$(node --version)
  [[ $version =~ ^v([0-9]+) ]] && ((BASH_REMATCH[1] >= 20)) \
    || parley_stop "Node.js 20 or later needed, found $version" "install it (https://nodejs.org) and put it first on the PATH"
  command -v npm >/dev/null || parley_stop "npm not found" "install npm, which comes with Node.js (Debian: apt-get install npm)"
}

# The browser tests drive Debian's Chromium through its matching ChromeDriver; no tool may download a browser. Root on
# Debian installs both; anyone else is told to.
parley_require_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    return
  fi
  if ((EUID == 0)) && [[ -r /etc/debian_version ]] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver
    return
  fi
  local missing
  missing=$(command -v chromium >/dev/null || printf 'chromium '; command -v chromedriver >/dev/null || printf chromedriver)
  parley_stop "${missing% } not on the PATH (the browser tests need Chromium and its matching ChromeDriver)" \
    "install them (Debian: sudo apt-get install chromium chromium-driver) or run this as root on Debian"
}

# dynalite (the local DynamoDB) and the CDK CLI, pinned by package-lock.json; again whenever the lock file changed.
parley_npm_ci() {
  if [[ ! -f $PARLEY_ROOT/node_modules/.package-lock.json || $PARLEY_ROOT/package-lock.json -nt $PARLEY_ROOT/node_modules/.package-lock.json ]]; then
    (cd "$PARLEY_ROOT" && npm ci --no-audit --no-fund)
  fi
}
