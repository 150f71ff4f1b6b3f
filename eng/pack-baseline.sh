#!/usr/bin/env bash
# Packs every library of an earlier commit into a folder: the baseline for the breaking-change check.
#   eng/pack-baseline.sh REF [DIR]        (DIR: artifacts/baseline by default)
# then pack with -p:FaxSdkBaselineDir=DIR; docs/packaging.md has the commands.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:?usage: eng/pack-baseline.sh REF [DIR]}
out=$(realpath -m "${2:-artifacts/baseline}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git archive --format=tar "$ref" | tar -x -C "$work"   # the commit's files only: no git metadata, so no SourceLink
rm -rf "$out"
mkdir -p "$out"
for project in "$work"/src/*/*.csproj; do
  grep -q '<PackAsTool>true</PackAsTool>' "$project" && continue   # a tool has no API to keep
  dotnet pack "$project" -c Release -o "$out" -p:EnablePackageValidation=false -p:EnableSourceLink=false -nologo -v:q
done
ls "$out"/*.nupkg
