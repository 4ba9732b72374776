#!/usr/bin/env bash
# Builds the node image from image/Dockerfile without a container registry (`make image`):
#
#   1. a Debian JRE 17 base made with mmdebstrap, imported as an OCI image with umoci and cached in
#      $VK_IMAGE_CACHE (default ~/.cache/vk-image) under a key of its inputs;
#   2. image/Dockerfile built by buildah with --build-arg BASE_IMAGE=<that base> (the Dockerfile has
#      no RUN step, so no container is started);
#   3. a class-data sharing archive of the node per provider (the JDK's classes and the jar's that
#      image/classes/<provider>.lst lists) dumped by the image's own JRE in a chroot of the built
#      image into /opt/virtual-kubelet/cds/<provider>.jsa, committed as one more layer;
#   4. the result written as an OCI image layout to $OUT (default target/image), tagged with the
#      chart's appVersion, and its reference printed on stdout: what the chart's image.repository and
#      image.tag default to.
#
# Needs root (mmdebstrap runs maintainer scripts in a chroot) and Debian's packages mmdebstrap, umoci
# and buildah, which it installs with apt-get when they are missing. Progress goes to stderr.
#   SUITE, DEBIAN_MIRROR, SECURITY_MIRROR   where the base comes from (bookworm, deb.debian.org)
#   IMAGE                                   the image name (default virtual-kubelet)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${OUT:-$repo/target/image}"
CACHE="${VK_IMAGE_CACHE:-$HOME/.cache/vk-image}"
SUITE="${SUITE:-bookworm}"
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SECURITY_MIRROR="${SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
IMAGE="${IMAGE:-virtual-kubelet}"
# What the JVM needs beyond Debian's Essential packages: the headless JRE pulls in libc, zlib and the
# CA certificates (its postinst builds the Java trust store).
PACKAGES="openjdk-17-jre-headless"
# Bump when the recipe below changes in a way its inputs do not show.
RECIPE=1

say() { echo "image: $*" >&2; }
die() { say "$*"; exit 1; }
started=$(date +%s)

jar="$repo/provider/node/target/virtual-kubelet.jar"
[ -f "$jar" ] || die "missing $jar: run 'make build' first"
[ -d "${jar%/*}/native" ] || die "missing ${jar%/*}/native: run 'make build' again"
version="$(awk -F'"' '/^appVersion:/ { print $2 }' "$repo/charts/virtual-kubelet/Chart.yaml")"
[ -n "$version" ] || die "no appVersion in charts/virtual-kubelet/Chart.yaml"
revision="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"

# --- tools ---------------------------------------------------------------------------------------------
missing=()
command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
command -v umoci >/dev/null || missing+=(umoci)
command -v buildah >/dev/null || missing+=(buildah)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing: ${missing[*]} (install them, or run as root to have apt-get do it)"
  command -v apt-get >/dev/null || die "missing: ${missing[*]} (and no apt-get to install them)"
  say "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi
[ "$(id -u)" = 0 ] || die "needs root: mmdebstrap and buildah run as root here"

# --- 1. the JRE base, cached by its inputs ------------------------------------------------------------
arch="$(dpkg --print-architecture)"
sources=("deb $DEBIAN_MIRROR $SUITE main" "deb $DEBIAN_MIRROR $SUITE-updates main"
  "deb $SECURITY_MIRROR $SUITE-security main")
key="$(printf '%s\n' "$RECIPE" "$SUITE" "$arch" "$PACKAGES" "${sources[@]}" | sha256sum | cut -c1-16)"
base="$CACHE/base-$SUITE-$key"
mkdir -p "$CACHE"
if [ ! -f "$base/index.json" ]; then
  say "making the JRE base with mmdebstrap ($SUITE, $PACKAGES; about a minute)"
  tmp="$(mktemp -d "$CACHE/tmp.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  # Essential packages plus the JRE, without documentation; the JRE's postinst needs man1 to exist.
  mmdebstrap --quiet --variant=essential --include="${PACKAGES// /,}" \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
    --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
    --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/var/log/*' \
    "$SUITE" "$tmp/rootfs.tar" "${sources[@]}" >&2
  umoci init --layout "$tmp/oci"
  umoci new --image "$tmp/oci:base"
  umoci raw add-layer --image "$tmp/oci:base" "$tmp/rootfs.tar"
  jvm="/usr/lib/jvm/java-17-openjdk-$arch"
  umoci config --image "$tmp/oci:base" --os linux --architecture "$arch" \
    --config.env "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --config.env "JAVA_HOME=$jvm" --config.env "LANG=C.UTF-8" \
    --config.label "org.opencontainers.image.description=Debian $SUITE with $PACKAGES"
  umoci gc --layout "$tmp/oci"
  # A build that ran alongside may have cached the same base first: keep that one.
  mv -T "$tmp/oci" "$base" 2>/dev/null || [ -f "$base/index.json" ] || die "cannot write $base"
  rm -rf "$tmp"
  trap - EXIT
else
  say "JRE base cached: $base"
fi

# --- 2. the Dockerfile, with buildah in a private store ------------------------------------------------
# A private store (nothing of the machine's podman/buildah images is touched), overlay so that the
# build does not copy the base's files.
driver="${STORAGE_DRIVER:-overlay}"
store=(--root "$CACHE/buildah-$driver/storage" --runroot "$CACHE/buildah-$driver/run"
  --storage-driver "$driver")
ref="$IMAGE:$version"
base_ref="localhost/vk-jre-base:$SUITE-$key"
if ! buildah "${store[@]}" inspect --type image "$base_ref" >/dev/null 2>&1; then
  say "importing the base into buildah's store as $base_ref"
  # (from the cache directory: a path component starting with a dot is no valid image name)
  id="$(cd "$CACHE" && buildah "${store[@]}" pull --quiet "oci:$(basename "$base"):base" | tail -1)"
  buildah "${store[@]}" tag "$id" "$base_ref"
fi
say "building image/Dockerfile on $base_ref with buildah"
buildah "${store[@]}" build --quiet --isolation chroot --pull-never \
  --build-arg "BASE_IMAGE=$base_ref" --build-arg "VERSION=$version" \
  --build-arg "REVISION=$revision" -f "$repo/image/Dockerfile" -t "localhost/$ref" "$repo" >&2

# --- 3. the class-data sharing archives ----------------------------------------------------------------
# One per provider (image/classes/<provider>.lst): the JVM maps its archive at a random address and
# relocates it at start, which writes most of its pages, so an archive costs about its size in RSS
# and holds only the classes of the provider that uses it (docs/operations.md). Dumped by the image's
# JRE against the jar at its path in the image (the JVM checks the JRE's build and the jar's path,
# size and modification time when it maps an archive), so neither the host's JDK nor a cached archive
# is used. The chart names the provider's archive in JDK_JAVA_OPTIONS; jvm.options names none, since
# an option there would win over that variable.
app=/opt/virtual-kubelet
ctr="$(buildah "${store[@]}" from --quiet --pull-never "localhost/$ref")"
mnt="$(buildah "${store[@]}" mount "$ctr")"
[ -n "$mnt" ] && [ -f "$mnt$app/jvm.options" ] || die "cannot mount the built image"
trap 'umount "$mnt/proc" 2>/dev/null; buildah "${store[@]}" rm "$ctr" >/dev/null 2>&1' EXIT
mount -t proc proc "$mnt/proc"
mkdir -p "$mnt$app/cds"
for list in "$repo"/image/classes/*.lst; do
  provider="$(basename "$list" .lst)"
  archive="$app/cds/$provider.jsa"
  install -m 0644 "$list" "$mnt/tmp/classes.lst"
  say "dumping the class archive $archive with the image's JRE"
  # (a listed class the jar no longer has is skipped with a warning: see make classlist)
  chroot "$mnt" java -Xshare:dump -XX:SharedClassListFile=/tmp/classes.lst \
    -XX:SharedArchiveFile="$archive" -cp "$app/virtual-kubelet.jar" >"$CACHE/cds-dump.$$.log" 2>&1 \
    || die "the class archive dump failed: $CACHE/cds-dump.$$.log"
  rm -f "$CACHE/cds-dump.$$.log" "$mnt/tmp/classes.lst"
  chmod 0644 "$mnt$archive"
  # The JVM as the chart starts it must map the archive: -Xshare:on fails where auto falls back.
  chroot --userspec=65532:65532 "$mnt" env JDK_JAVA_OPTIONS="-XX:SharedArchiveFile=$archive" \
    java "@$app/jvm.options" -Xshare:on -cp "$app/virtual-kubelet.jar" -version >/dev/null 2>&1 \
    || die "the image's JVM cannot map $archive"
done
umount "$mnt/proc"
buildah "${store[@]}" umount "$ctr" >/dev/null
buildah "${store[@]}" commit --quiet --rm "$ctr" "localhost/$ref" >/dev/null
trap - EXIT

# --- 4. the OCI layout ---------------------------------------------------------------------------------
# Most of a warm build's time: the base's layer is compressed again.
rm -rf "$OUT"
mkdir -p "$(dirname "$OUT")"
buildah "${store[@]}" push --quiet "localhost/$ref" "oci:$OUT:$version" >&2
# Keeps the store small: the base's layer stays for the next build, this build's image goes.
buildah "${store[@]}" rmi "localhost/$ref" >/dev/null
# (and the image before the archive's layer, left without a tag by the commit)
buildah "${store[@]}" rmi --prune >/dev/null 2>&1 || true
echo "$ref" > "$OUT/reference"
say "done in $(($(date +%s) - started)) s: OCI layout $OUT, tag $version"
echo "$ref"
