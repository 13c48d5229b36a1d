# Shared helpers for the ops scripts. Sourced, not run.
# Generated passwords live in $SV_STATE_DIR. The database role and broker user belong to the machine, not to one
# checkout, so as root the default is /var/lib/seriousviolence (every clone on the machine shares them); otherwise
# .local/ in the repository (git-ignored).
SV_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "$(id -u)" -eq 0 ]; then
  SV_STATE_DIR="${SV_STATE_DIR:-/var/lib/seriousviolence}"
else
  SV_STATE_DIR="${SV_STATE_DIR:-$SV_REPO_ROOT/.local}"
fi

sv_log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }

sv_need_root() {
  if [ "$(id -u)" -ne 0 ]; then
    sv_log "this step installs or starts system services and must run as root (or via sudo)"
    exit 1
  fi
}

# apt-get update at most once per hour across scripts.
sv_apt_install() {
  sv_need_root
  local stamp=/var/lib/apt/periodic/sv-update-stamp
  if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +60 2>/dev/null)" ]; then
    sv_log "apt-get update"
    apt-get update -qq
    mkdir -p "$(dirname "$stamp")" && touch "$stamp"
  fi
  sv_log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# A secret generated once and kept in the state directory; an environment variable, if set, wins.
sv_secret() {
  local name="$1" env_value="${2:-}"
  if [ -n "$env_value" ]; then printf '%s' "$env_value"; return; fi
  mkdir -p "$SV_STATE_DIR" && chmod 700 "$SV_STATE_DIR"
  local file="$SV_STATE_DIR/$name"
  if [ ! -s "$file" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$file")
  fi
  cat "$file"
}
