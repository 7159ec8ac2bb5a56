#!/usr/bin/env bash
# Runs a command with a Swift toolchain on Debian/Ubuntu hosts that have none: a Debian trixie chroot
# with the `swiftlang` package (Swift 6.0.3, SwiftPM, XCTest, Foundation), created once and cached.
#
#   swift-chroot.sh [--bind HOST_DIR:CHROOT_DIR]... [--env NAME=VALUE]... -- COMMAND...
#
# Needs root (debootstrap, chroot, mount). The chroot lives in
# ${HAMSA_SWIFT_CHROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/hamsa-swift-chroot/trixie-swiftlang}; delete that
# directory (after checking nothing is mounted in it) to start over. The Debian mirror is
# $HAMSA_DEBIAN_MIRROR, else the host's own (read from its APT sources at run time).
set -euo pipefail

root="${HAMSA_SWIFT_CHROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/hamsa-swift-chroot/trixie-swiftlang}"
binds=()
envs=()
ready_marker=.hamsa-swift-ready
while [[ $# -gt 0 ]]; do
    case "$1" in
        --bind) binds+=("$2"); shift 2 ;;
        --env) envs+=("$2"); shift 2 ;;
        --) shift; break ;;
        *) echo "swift-chroot.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ $# -gt 0 ]] || { echo "usage: swift-chroot.sh [--bind HOST:CHROOT]... [--env NAME=VALUE]... -- COMMAND..." >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "swift-chroot.sh: needs root (debootstrap, chroot, mount)" >&2; exit 2; }

# The host's Debian mirror: the first non-security `URIs:` (deb822) or `deb` line (one-line format).
host_mirror() {
    local file
    for file in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list.d/*.sources; do
        [[ -f $file ]] || continue
        awk '/^URIs:/ {print $2}' "$file" | grep -v -- '-security' | grep '/debian/\?$' | head -n1 && return 0
    done
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -f $file ]] || continue
        awk '$1 == "deb" {for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; break}}' "$file" \
            | grep -v -- '-security' | grep '/debian/\?$' | head -n1 && return 0
    done
    return 1
}

# Refuses to delete a directory with anything mounted under it: a bind mount left by a killed run would
# otherwise take host files (the repo) with it.
safe_rm() {
    if awk -v dir="$1" 'index($2, dir) == 1 {found = 1} END {exit !found}' /proc/mounts; then
        echo "swift-chroot.sh: something is still mounted under $1; unmount it first" >&2
        exit 1
    fi
    rm -rf "$1"
}

mounted=()
cleanup() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || true
    done
}
trap cleanup EXIT INT TERM

mount_into() { # SOURCE TARGET [mount options...]
    local source="$1" target="$2"; shift 2
    mkdir -p "$target"
    mount "$@" "$source" "$target"
    mounted+=("$target")
}

create() {
    local mirror
    mirror="${HAMSA_DEBIAN_MIRROR:-$(host_mirror || true)}"
    [[ -n $mirror ]] || {
        echo "swift-chroot.sh: no Debian mirror found in the host's APT sources; set HAMSA_DEBIAN_MIRROR" >&2
        exit 2
    }
    command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
    local keyring=()
    [[ -f /usr/share/keyrings/debian-archive-keyring.gpg ]] &&
        keyring=(--keyring=/usr/share/keyrings/debian-archive-keyring.gpg)
    echo "swift-chroot.sh: creating $root from $mirror (once per machine, about 2 minutes)" >&2
    safe_rm "$root.partial"
    safe_rm "$root"  # an incomplete chroot from an older run
    mkdir -p "$(dirname "$root")"
    debootstrap "${keyring[@]}" --variant=minbase --include=ca-certificates trixie "$root.partial" "$mirror" >&2
    cp /etc/resolv.conf "$root.partial/etc/resolv.conf"
    mount_into proc "$root.partial/proc" -t proc
    chroot "$root.partial" apt-get update -qq >&2
    # libc6-dev: without it swiftc warns that libc is missing and fails to import Glibc.
    DEBIAN_FRONTEND=noninteractive chroot "$root.partial" \
        apt-get install -y -qq --no-install-recommends swiftlang libc6-dev >&2
    chroot "$root.partial" apt-get clean
    umount "$root.partial/proc"; mounted=()
    # Marked and renamed only when complete, so an interrupted run never leaves a half-made chroot in use.
    touch "$root.partial/$ready_marker"
    mv -T "$root.partial" "$root"
}

# One creator at a time; the lock file sits next to the chroot.
mkdir -p "$(dirname "$root")"
exec 9>"$root.lock"
flock 9
# A marker file rather than `-x usr/bin/swift`: that is an absolute symlink, which the host cannot follow.
[[ -f $root/$ready_marker ]] || create
flock -u 9

cp /etc/resolv.conf "$root/etc/resolv.conf"
mount_into proc "$root/proc" -t proc
mount_into /dev "$root/dev" --bind
for bind in "${binds[@]}"; do
    mount_into "${bind%%:*}" "$root${bind#*:}" --bind
done
# Not exec: the trap must unmount after the command ends.
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 "${envs[@]}" "$@"
