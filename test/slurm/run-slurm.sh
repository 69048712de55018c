#!/usr/bin/env bash
# Integration test of `cxsim slurm` on a real single-node Slurm (Debian's slurmctld, slurmd, slurm-client,
# munge), started here as in TOOLCHAIN.md with all state in WORK, stopped by PID on exit.
# Usage: run-slurm.sh WORK    Exit 0: passed; 77: skipped (reason on stdout, "SKIP: ..."); else failed.
set -euo pipefail

WORK=${1:?usage: run-slurm.sh WORK}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CXSIM=("$(command -v node)" "$ROOT/dist/node/sim/main.js")
SHORT=(demo-tiny --set durationS=5 --set samples=6)
REPLICAS=4
ARRAY=2
SEED=11
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

skip() { echo "SKIP: $*"; exit 77; }
log() { echo "run-slurm: $*"; }

[ -f "${CXSIM[1]}" ] || { echo "run-slurm: ${CXSIM[1]} missing: build first (npx tsc -p tsconfig.json)"; exit 1; }

# ---- packages: install when missing (root and apt needed; otherwise skip and say why)
need=()
for bin in /usr/sbin/slurmctld /usr/sbin/slurmd /usr/bin/sbatch /usr/bin/squeue /usr/sbin/munged /usr/bin/munge; do
  [ -x "$bin" ] || need+=("$bin")
done
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || skip "Slurm is not installed (${need[*]}) and we are not root to apt-get install it"
  command -v apt-get >/dev/null || skip "Slurm is not installed and there is no apt-get"
  log "installing slurmctld slurmd slurm-client munge"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurmctld slurmd slurm-client munge >"$WORK/apt.log" 2>&1; then
    (apt-get update -q >>"$WORK/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurmctld slurmd slurm-client munge >>"$WORK/apt.log" 2>&1) ||
      skip "apt-get could not install slurmctld slurmd slurm-client munge (see $WORK/apt.log: $(tail -n 1 "$WORK/apt.log"))"
  fi
fi
[ "$(id -u)" = 0 ] || skip "not root: slurmd and munged need root here"

# ---- daemons, stopped by PID (only those started here) whatever happens
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

# munge: reuse a running munged, else start one in the foreground (setpriv execs, so $! is munged itself).
if ! (munge -n | unmunge) >/dev/null 2>&1; then
  mkdir -p /run/munge /var/log/munge /var/lib/munge /etc/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge /etc/munge
  if [ ! -s /etc/munge/munge.key ]; then
    if command -v mungekey >/dev/null; then runuser -u munge -- mungekey --create >/dev/null 2>&1; fi
    [ -s /etc/munge/munge.key ] || { dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none; }
    chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
  fi
  setsid setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged --foreground >"$WORK/munged.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 50); do (munge -n | unmunge) >/dev/null 2>&1 && break; sleep 0.1; done
  (munge -n | unmunge) >/dev/null 2>&1 || { cat "$WORK/munged.log"; echo "run-slurm: munged did not start"; exit 1; }
fi

# slurm.conf of TOOLCHAIN.md; ports picked at random so a stray Slurm on the machine cannot interfere.
HOST=$(hostname -s)
PORT=$((20000 + RANDOM % 20000))
mkdir -p "$WORK/state" "$WORK/spool"
cat >"$WORK/slurm.conf" <<CONF
ClusterName=cxsimtest
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=2 RealMemory=2000 State=UNKNOWN
PartitionName=debug Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$WORK/slurm.conf
setsid /usr/sbin/slurmctld -D -f "$SLURM_CONF" >"$WORK/slurmctld.log" 2>&1 &
PIDS+=($!)
sleep 2
setsid /usr/sbin/slurmd -D -f "$SLURM_CONF" >"$WORK/slurmd.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 60); do sinfo -h -o %t 2>/dev/null | grep -q idle && break; sleep 0.5; done
if ! sinfo -h -o %t 2>/dev/null | grep -q idle; then
  tail -n 20 "$WORK/slurmctld.log" "$WORK/slurmd.log"; echo "run-slurm: the node never became idle"; exit 1
fi
log "slurm up on $HOST:$PORT ($(sinfo -h -o '%P %t %c'))"

# ---- the ensemble as an array job (2 tasks x 2 replicas) plus the dependent merge job
"${CXSIM[@]}" slurm "${SHORT[@]}" --replicas $REPLICAS --array $ARRAY --seed $SEED --partition debug --time 00:10:00 --out "$WORK/cluster"
bash "$WORK/cluster/slurm/submit.sh"
for _ in $(seq 240); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.5; done
if [ -n "$(squeue -h)" ]; then squeue; echo "run-slurm: jobs still queued after 120 s"; exit 1; fi
tail -n +1 "$WORK"/cluster/slurm/*.log || true

# ---- the same ensemble on this machine; the merged results must be the same bytes
"${CXSIM[@]}" ensemble "${SHORT[@]}" --replicas $REPLICAS --jobs 2 --seed $SEED --out "$WORK/local" --quiet
[ -f "$WORK/cluster/ensemble.json" ] || { echo "run-slurm: no $WORK/cluster/ensemble.json after the jobs"; exit 1; }
rm "$WORK/cluster/ensemble.json"
"${CXSIM[@]}" merge "$WORK/cluster"
cmp "$WORK/cluster/ensemble.json" "$WORK/local/ensemble.json"
log "PASS: Slurm array ensemble merged equals the single-machine ensemble ($REPLICAS replicas, $ARRAY tasks)"
