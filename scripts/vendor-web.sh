#!/usr/bin/env bash
# Vendor the web app's JavaScript from npm into hamkor/web/static/vendor/, with licences.
# Run once when upgrading; the copied files are committed (nothing is fetched at run time).
#   scripts/vendor-web.sh [SWAGGER_UI_VERSION] [ECHARTS_VERSION]
set -euo pipefail
cd "$(dirname "$0")/.."

SWAGGER=${1:-5.35.0}
ECHARTS=${2:-6.1.0}
DEST=hamkor/web/static/vendor
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

(cd "$TMP" && npm pack --silent "swagger-ui-dist@$SWAGGER" "echarts@$ECHARTS" >/dev/null)
mkdir -p "$TMP/swagger" "$TMP/echarts"
tar xzf "$TMP"/swagger-ui-dist-*.tgz -C "$TMP/swagger"
tar xzf "$TMP"/echarts-*.tgz -C "$TMP/echarts"

rm -rf "$DEST/swagger-ui" "$DEST/echarts"
mkdir -p "$DEST/swagger-ui" "$DEST/echarts"
cp "$TMP/swagger/package/swagger-ui.css" "$TMP/swagger/package/swagger-ui-bundle.js" \
   "$TMP/swagger/package/LICENSE" "$DEST/swagger-ui/"
[ -f "$TMP/swagger/package/NOTICE" ] && cp "$TMP/swagger/package/NOTICE" "$DEST/swagger-ui/"
cp "$TMP/echarts/package/dist/echarts.min.js" "$TMP/echarts/package/LICENSE" "$DEST/echarts/"
[ -f "$TMP/echarts/package/NOTICE" ] && cp "$TMP/echarts/package/NOTICE" "$DEST/echarts/"
# Source maps point nowhere once vendored: drop the reference so browsers do not ask for them.
sed -i '/^\/\/# sourceMappingURL=/d' "$DEST/swagger-ui/swagger-ui-bundle.js" "$DEST/swagger-ui/swagger-ui.css"
printf 'swagger-ui-dist %s\necharts %s\n' "$SWAGGER" "$ECHARTS" > "$DEST/VERSIONS.txt"
echo "vendored into $DEST:" >&2
ls -l "$DEST"/* >&2
