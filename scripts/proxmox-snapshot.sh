#!/bin/sh
# Writes a snapshot of what Proxmox knows, for `npm run drift -- --snapshot <dir>` and
# `npm run import -- --snapshot <dir> --out <model-dir>`. Run it ON THE PROXMOX HOST (as root, or a
# user allowed to run pvesh); it only reads. Needs nothing but pvesh and perl, both part of Proxmox VE.
#
#   ./proxmox-snapshot.sh [out-dir]          (default: ./proxmox-snapshot)
#   ssh root@pve 'sh -s' < scripts/proxmox-snapshot.sh   writes ./proxmox-snapshot on the host
#
# Each file is exactly what `pvesh get <path> --output-format json` prints:
#   cluster-resources.json   /cluster/resources   (the only file drift needs)
#   cluster-status.json      /cluster/status
#   storage.json             /storage
#   ha-resources.json        /cluster/ha/resources
#   ha-groups.json           /cluster/ha/groups   (PVE 7/8; left out where the host has none)
#   ha-rules.json            /cluster/ha/rules    (PVE 9; left out where the host has none)
#   version.json             /version
#   nodes/<node>/<qemu|lxc>/<vmid>/config.json   /nodes/<node>/<qemu|lxc>/<vmid>/config
#   snapshot.json            when and where it was taken
# Guest configs are written without the keys that may hold private text or stable identifiers
# (description, cipassword, sshkeys, smbios1, vmgenid), since the snapshot is meant to be committed.
# The folder is replaced only when every answer was read: a failed run leaves the old one as it was.
# The two HA placement answers are the exception: PVE 8 has no /cluster/ha/rules and PVE 9 refuses
# /cluster/ha/groups once its groups are migrated to rules, so a failure there only leaves that file
# out (both need the same right as /cluster/ha/resources, which must be read).
set -eu

out=${1:-proxmox-snapshot}
out=${out%/}
command -v pvesh >/dev/null 2>&1 || { echo "proxmox-snapshot: pvesh not found; run this on the Proxmox host" >&2; exit 2; }

tmp=$(mktemp -d "${out}.partial.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

get() {
  # $1 API path, $2 file
  if ! pvesh get "$1" --output-format json > "$tmp/$2"; then
    echo "proxmox-snapshot: pvesh get $1 failed; nothing was replaced" >&2
    exit 2
  fi
}

get_if_there() {
  # $1 API path, $2 file: an endpoint this release may not have; its absence is no failure.
  if ! pvesh get "$1" --output-format json > "$tmp/$2" 2>/dev/null; then
    rm -f "$tmp/$2"
  fi
}

get /cluster/resources cluster-resources.json
get /cluster/status cluster-status.json
get /storage storage.json
get /cluster/ha/resources ha-resources.json
get_if_there /cluster/ha/groups ha-groups.json
get_if_there /cluster/ha/rules ha-rules.json
get /version version.json

# node, type and vmid of every guest, one line each (perl's JSON::PP ships with Proxmox).
perl -MJSON::PP -e '
  local $/; my $list = decode_json(<STDIN>);
  for my $r (@$list) {
    next unless ($r->{type} // "") =~ /^(qemu|lxc)$/;
    next unless ($r->{node} // "") =~ /^[A-Za-z0-9.-]+$/ && ($r->{vmid} // "") =~ /^\d+$/;
    print "$r->{node} $r->{type} $r->{vmid}\n";
  }' < "$tmp/cluster-resources.json" > "$tmp/.guests"

while read -r node type vmid; do
  dir="$tmp/nodes/$node/$type/$vmid"
  mkdir -p "$dir"
  get "/nodes/$node/$type/$vmid/config" "nodes/$node/$type/$vmid/config.json"
  perl -MJSON::PP -e '
    local $/; my $c = decode_json(<STDIN>);
    delete @$c{qw(description cipassword sshkeys smbios1 vmgenid)};
    print JSON::PP->new->canonical->encode($c), "\n";' < "$dir/config.json" > "$dir/config.json.clean"
  mv "$dir/config.json.clean" "$dir/config.json"
done < "$tmp/.guests"
rm -f "$tmp/.guests"

printf '{"takenAt":"%s","host":"%s","tool":"driftsbok proxmox-snapshot.sh"}\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(hostname)" > "$tmp/snapshot.json"

if [ -d "$out" ]; then
  mv "$out" "$tmp.old"
  mv "$tmp" "$out"
  rm -rf "$tmp.old"
else
  mv "$tmp" "$out"
fi
trap - EXIT INT TERM
count=$(find "$out/nodes" -name config.json 2>/dev/null | wc -l | tr -d ' ')
echo "proxmox-snapshot: wrote $out ($count guest configs)"
