#!/usr/bin/env bash
# Make a drag-to-Applications .dmg from dist/Wren.app (built by `python installers/build.py macos`).
#
#   installers/macos/build_dmg.sh dist/Wren.app dist/Wren-0.1.0.dmg
#
# Optional, when the secrets exist (see installers/macos/README.md):
#   WREN_CODESIGN_IDENTITY="Developer ID Application: Example (TEAMID)"  sign with hardened runtime
#   WREN_NOTARY_PROFILE=wren-notary   notarize with `xcrun notarytool` (keychain profile) and staple
# Without them the .dmg is unsigned: Gatekeeper then asks the user to right-click > Open once.
set -euo pipefail

APP="${1:?usage: build_dmg.sh path/to/Wren.app out.dmg}"
DMG="${2:?usage: build_dmg.sh path/to/Wren.app out.dmg}"
HERE="$(cd "$(dirname "$0")" && pwd)"

if [ ! -x "$APP/Contents/MacOS/Wren" ]; then
  echo "build_dmg: $APP/Contents/MacOS/Wren not found: run installers/build.py macos first" >&2
  exit 2
fi

if [ -n "${WREN_CODESIGN_IDENTITY:-}" ]; then
  # Sign inside-out: every library and the executable, then the bundle, all with the hardened
  # runtime (required for notarization) and a secure timestamp.
  find "$APP/Contents" -type f \( -name "*.dylib" -o -name "*.so" -o -perm -u+x \) -print0 |
    xargs -0 codesign --force --timestamp --options runtime \
      --entitlements "$HERE/entitlements.plist" --sign "$WREN_CODESIGN_IDENTITY"
  codesign --force --timestamp --options runtime --entitlements "$HERE/entitlements.plist" \
    --sign "$WREN_CODESIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
fi

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "Wren" -srcfolder "$STAGE" -fs HFS+ -format UDZO -imagekey zlib-level=9 \
  -ov "$DMG" >/dev/null

if [ -n "${WREN_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$WREN_CODESIGN_IDENTITY" "$DMG"
fi
if [ -n "${WREN_NOTARY_PROFILE:-}" ]; then
  xcrun notarytool submit "$DMG" --keychain-profile "$WREN_NOTARY_PROFILE" --wait
  xcrun stapler staple "$DMG"
  spctl --assess --type open --context context:primary-signature --verbose "$DMG"
fi
echo "$DMG"
