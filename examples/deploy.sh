#!/usr/bin/env bash
# Stellenwissen aktualisieren, prüfen, bauen und im Intranet veröffentlichen –
# für Verwaltungen ohne GitLab-Pipeline (gleiche Schritte wie examples/gitlab-ci.yml).
#
# Aufruf (im Wiki-Checkout oder von überall):
#     examples/deploy.sh [ZIEL]
#     DEPLOY_TARGET=deploy@intranet.stadt.example:/var/www/stellenwissen/wiki/ examples/deploy.sh
#
# Umgebung:
#   DEPLOY_TARGET  Ziel für rsync (oder erstes Argument): ein Ordner auf diesem Rechner,
#                  z. B. /var/www/stellenwissen/wiki/, oder benutzer@server:/pfad/
#   BASE_URL       Unterpfad der Seite, Vorgabe /wiki/ (passt zu den Beispielen in deploy/)
#   SITE_URL       optional: Adresse des Intranet-Servers, z. B. https://intranet.stadt.example
#   EDIT_URL       optional: Link „Diese Seite bearbeiten“ zum Git-Server
#   WIKI_DIR       optional: Wiki-Checkout, Vorgabe der Ordner über examples/
#
# Exit-Status: 0 veröffentlicht, 1 Fehler im Wiki oder Build fehlgeschlagen (nichts
# veröffentlicht), 2 Aufruf- oder Umgebungsfehler.
#
# Das Personalregister gehört nie in diesen Ordner und nie auf den Webserver.

set -euo pipefail

say() { printf '%s\n' "deploy: $*"; }
fail() { printf '%s\n' "deploy: $1" >&2; exit "${2:-1}"; }

# Everything runs inside main: bash reads a script while executing it, and `git pull` may
# replace this very file; a function is read completely before it starts.
main() {
  DEPLOY_TARGET="${1:-${DEPLOY_TARGET:-}}"
  export BASE_URL="${BASE_URL:-/wiki/}"
  WIKI_DIR="${WIKI_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"

  [ -n "$DEPLOY_TARGET" ] || fail "Kein Ziel angegeben. Aufruf: DEPLOY_TARGET=benutzer@server:/var/www/stellenwissen/wiki/ $0" 2
  for tool in git npm node rsync; do
    command -v "$tool" > /dev/null || fail "„$tool“ ist nicht installiert." 2
  done
  cd "$WIKI_DIR" || fail "Wiki-Ordner nicht gefunden: $WIKI_DIR" 2
  [ -f package.json ] && [ -d docs ] || fail "$WIKI_DIR ist kein Stellenwissen-Checkout (package.json oder docs/ fehlt)." 2

  # HR registers do not belong on the build machine. Files under static/ are copied into the
  # site as they are, so a register there would be published: refuse. hr/ is never read by the
  # build (.gitignore keeps it out of Git), so only warn.
  if [ -n "$(find static -name '*.csv' -print -quit 2> /dev/null)" ] \
    || [ -n "$(find static docs -name '*.local.csv' -print -quit 2> /dev/null)" ]; then
    fail "Unter static/ liegt eine CSV-Datei (sie würde mitveröffentlicht) oder unter docs/ eine *.local.csv – womöglich ein Personalregister. Bitte entfernen – nichts veröffentlicht." 2
  fi
  if [ -d hr ]; then
    say "Warnung: Im Wiki-Ordner liegt hr/. Das Personalregister gehört auf die Ablage der Personalabteilung, nicht auf den Build-Rechner (es wird nicht veröffentlicht)."
  fi

  say "1/5 Neueste Fassung holen (git pull --ff-only) …"
  git pull --ff-only || fail "git pull ist fehlgeschlagen (lokale Änderungen oder abweichender Stand?) – nichts veröffentlicht."

  say "2/5 Abhängigkeiten installieren (npm ci) …"
  npm ci --no-audit --no-fund || fail "npm ci ist fehlgeschlagen (Verbindung zur Paketquelle?) – nichts veröffentlicht."

  say "3/5 Wiki prüfen (npm run validate) …"
  status=0
  npm run -s validate || status=$?
  case "$status" in
    0) ;;
    1) fail "Das Wiki enthält Fehler (Zeilen oben: Datei:Zeile:Spalte). Bitte die Artikel korrigieren – nichts veröffentlicht." 1 ;;
    *) fail "Die Prüfung konnte nicht laufen (Exit $status) – nichts veröffentlicht." 2 ;;
  esac

  say "4/5 Seite bauen für $BASE_URL (npm run build) …"
  # A clean build/: a failed build never leaves old and new files mixed for the upload.
  rm -rf build
  npm run build || fail "Der Build ist fehlgeschlagen – nichts veröffentlicht. Meldungen oben lesen (Datei:Zeile:Spalte)."
  [ -f build/index.html ] || fail "build/ ist unvollständig (index.html fehlt) – nichts veröffentlicht."

  say "5/5 Veröffentlichen nach $DEPLOY_TARGET (rsync) …"
  # --delay-updates: changed files are renamed into place together at the end;
  # --delete: pages removed from the wiki disappear from the web server as well.
  rsync -a --delete --delay-updates build/ "$DEPLOY_TARGET" || fail "rsync ist fehlgeschlagen – die bisherige Fassung kann noch teilweise online sein. Bitte erneut ausführen."

  say "Fertig: $(git log -1 --format='%h vom %cd' --date=format:'%d.%m.%Y %H:%M') ist veröffentlicht."
}

main "$@"
exit
