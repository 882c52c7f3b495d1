#!/usr/bin/env bash
# Monatliche Auswertung der Wissenssicherung für die Personalabteilung.
#
# Gleicht das Wiki mit dem Personalregister (Austrittsliste) ab und schreibt einen
# HTML-Bericht nach $REPORT_DIR/wissenssicherung-JJJJ-MM.html, daneben dieselbe Auswertung als
# JSON (wissenssicherung-JJJJ-MM.json). Liegt dort schon die JSON-Datei eines früheren Monats,
# vergleicht der Bericht mit der neuesten davon (--compare: neu auffällig, nicht mehr
# auffällig, Abdeckung geändert). Läuft per systemd-Timer
# (stellenwissen-audit.timer) oder cron (crontab.example); Anleitung: README.md daneben.
#
# Umgebung (Vorgaben in Klammern):
#   WIKI_DIR          aktueller Checkout des Wikis mit installierten Paketen (/opt/stellenwissen)
#   REGISTER          Austrittsliste der Personalabteilung, CSV in UTF-8 oder Windows-1252
#                     (/srv/personal/stellenwissen/austritte.csv)
#   REGISTER_COLUMNS  optional: Spaltenzuordnung für --columns, wenn die Kopfzeile andere Namen hat,
#                     z. B. "post=Stellen-Nr.,departure=Austritt zum"
#   REPORT_DIR        Ordner für die Berichte (/srv/personal/stellenwissen/berichte)
#   SITE_URL          optional: Adresse des Wikis für Links im Bericht,
#                     z. B. https://intranet.stadt.example/wiki/
#   REPORT_KEEP_DAYS  Berichte (HTML und JSON), die älter sind, werden gelöscht (730 = 24 Monate; 0 = nie)
#
# Exit-Status: 0 Bericht geschrieben (auch wenn Stellen auffällig sind – dafür ist der
# Bericht da), 2 Aufruf- oder Eingabefehler (z. B. Register fehlt oder ist nicht lesbar,
# fehlerhafte Registerzeilen; dann wird kein Bericht geschrieben), sonst der Fehler von npm.

set -euo pipefail

# Reports name posts due to leave: readable by owner and group (personal-hr) only.
umask 027

say() { printf '%s\n' "stellenwissen-audit: $*"; }
fail() { printf '%s\n' "stellenwissen-audit: $1" >&2; exit "${2:-2}"; }

# Everything runs inside main, so an update of this file during a run cannot disturb it.
main() {
  local wiki_dir="${WIKI_DIR:-/opt/stellenwissen}"
  local register="${REGISTER:-/srv/personal/stellenwissen/austritte.csv}"
  local report_dir="${REPORT_DIR:-/srv/personal/stellenwissen/berichte}"
  local keep_days="${REPORT_KEEP_DAYS:-730}"
  local report json
  report="$report_dir/wissenssicherung-$(date +%Y-%m).html"
  json="${report%.html}.json"

  command -v npm > /dev/null || fail "npm ist nicht installiert (Node.js 20.19 oder neuer nötig)."
  [ -f "$wiki_dir/package.json" ] || fail "Kein Wiki-Checkout unter $wiki_dir (WIKI_DIR setzen)."
  [ -d "$wiki_dir/node_modules" ] || fail "In $wiki_dir fehlen die Pakete – dort einmal „npm ci“ ausführen."

  # The register: must exist and be readable for this user, should not be readable by everyone.
  [ -e "$register" ] || fail "Personalregister nicht gefunden: $register (REGISTER setzen)."
  [ -r "$register" ] || fail "Personalregister nicht lesbar: $register – der Benutzer $(id -un) muss in der Gruppe der Datei sein (z. B. personal-hr, Rechte 0640)."
  if [ -n "$(find "$register" -prune -perm -0004 2> /dev/null)" ]; then
    say "WARNUNG: $register ist für alle Benutzer lesbar. Es enthält Personaldaten – bitte „chmod 0640“ setzen (Eigentümer Personalabteilung, Gruppe personal-hr)." >&2
  fi

  [ -d "$report_dir" ] || fail "Berichtsordner fehlt: $report_dir (REPORT_DIR setzen oder anlegen, siehe README.md)."
  [ -w "$report_dir" ] || fail "Berichtsordner nicht beschreibbar: $report_dir"
  if [ -n "$(find "$report_dir" -prune -perm -0004 2> /dev/null)" ]; then
    say "WARNUNG: $report_dir ist für alle Benutzer lesbar – bitte „chmod 2750“ setzen." >&2
  fi

  # The newest JSON of an earlier month (the names sort by month).
  local previous
  previous="$(find "$report_dir" -maxdepth 1 -type f -name 'wissenssicherung-*.json' ! -name "$(basename "$json")" -print | LC_ALL=C sort | tail -n 1)"

  local -a args=(--register "$register")
  if [ -n "${SITE_URL:-}" ]; then args+=(--site-url "$SITE_URL"); fi
  if [ -n "${REGISTER_COLUMNS:-}" ]; then args+=(--columns "$REGISTER_COLUMNS"); fi

  cd "$wiki_dir"
  # JSON first (the next month compares with it), then the report; each written atomically.
  local status=0
  if [ -n "$previous" ]; then
    say "Vergleich mit der früheren Auswertung $previous"
    npm run -s audit -- "${args[@]}" --compare "$previous" --format json --out "$json" || status=$?
    if [ "$status" -eq 2 ]; then
      # A damaged earlier file must not stop this month's report: without the comparison, then.
      say "WARNUNG: Vergleich nicht möglich (Meldung oben) – Bericht ohne Vergleich." >&2
      previous=""
      status=0
    else
      args+=(--compare "$previous")
    fi
  fi
  if [ -z "$previous" ]; then npm run -s audit -- "${args[@]}" --format json --out "$json" || status=$?; fi
  if [ "$status" -le 1 ]; then
    status=0
    npm run -s audit -- "${args[@]}" --format html --out "$report" || status=$?
  fi
  case "$status" in
    0) say "Keine auffälligen Stellen. Bericht: $report" ;;
    1) say "Auffällige Stellen gefunden – Bericht für die Personalabteilung: $report" ;;
    2) fail "Die Auswertung ist mit Exit 2 abgebrochen (Meldungen oben: Register, Zeilennummern, Aufruf) – kein neuer Bericht." 2 ;;
    *) fail "Die Auswertung ist unerwartet mit Exit $status abgebrochen – kein neuer Bericht." "$status" ;;
  esac

  # Data protection: delete reports after the retention period (only our own files).
  if [ "$keep_days" -gt 0 ] 2> /dev/null; then
    local old
    while IFS= read -r old; do
      say "Alten Bericht gelöscht (älter als $keep_days Tage): $old"
    done < <(find "$report_dir" -maxdepth 1 -type f \( -name 'wissenssicherung-*.html' -o -name 'wissenssicherung-*.json' \) -mtime +"$keep_days" -print -delete 2>&1 \
      || say "WARNUNG: Alte Berichte konnten nicht gelöscht werden." >&2)
  fi
}

main "$@"
exit
