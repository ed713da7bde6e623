#!/usr/bin/env bash
# End to end on a real one-node Slurm cluster: starts munge (unless it runs), a throw-away
# PostgreSQL server and slurmctld + slurmd on localhost, puts a study in the database with
# `tunebench-cli create`, submits resources/deploy/slurm/tunebench-worker.sbatch as a job array
# the way docs/CLUSTER.md tells a user to, and checks that the array's workers finished the
# study: every planned trial COMPLETE once, trials run by more than one array task. Stops what it
# started, whatever happens. Needs root (slurmd) and tools/setup.sh --test; exits 77 (skipped)
# without them.
# Usage: tests/cluster/slurm_array_test.sh TUNEBENCH_CLI
set -euo pipefail
cli=$(realpath "$1")
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
skip() { echo "SKIPPED: $*"; exit 77; }
[[ $(id -u) -eq 0 ]] || skip "slurmd runs as root here (run the tests as root, as CI does)"
for tool in sbatch squeue sinfo slurmctld slurmd munged munge unmunge; do
  command -v "$tool" > /dev/null || skip "no $tool (tools/setup.sh --test installs slurm-wlm, munge)"
done
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)
[[ -x $pg_bin/pg_ctl ]] || skip "no PostgreSQL server (tools/setup.sh --test installs postgresql-15)"

work=$(mktemp -d /tmp/tunebench-slurm-XXXXXX)
chmod 755 "$work"
started_munge=""
cleanup() {
  local status=$?
  for pid_file in "$work/slurmd.pid" "$work/slurmctld.pid"; do
    [[ -s $pid_file ]] && kill "$(cat "$pid_file")" 2> /dev/null || true
  done
  [[ -d $work/pg/data ]] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop > /dev/null 2>&1 || true
  [[ -n $started_munge ]] && kill "$started_munge" 2> /dev/null || true
  if [[ $status -ne 0 ]]; then
    for log in "$work"/*.log "$work"/pg/server.log; do
      [[ -f $log ]] && { echo "--- $log"; tail -n 30 "$log"; }
    done
  fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT

# Polls `command...` every 0.2 s for up to `seconds`; fails with `what` if it never succeeds.
wait_for() {  # seconds what command...
  local deadline=$((SECONDS + $1)) what=$2
  shift 2
  until "$@" > /dev/null 2>&1; do
    ((SECONDS < deadline)) || { echo "FAIL: $what within the deadline" >&2; return 1; }
    sleep 0.2
  done
}
free_port() {  # a loopback port nothing listens on, from $1 up
  local port=$1
  while (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; do port=$((port + 1)); done
  echo "$port"
}

# munge: the machine's own daemon when it runs, else one started here as the munge user.
if ! munge -n 2> /dev/null | unmunge > /dev/null 2>&1; then
  mkdir -p /run/munge && chown munge:munge /run/munge
  runuser -u munge -- /usr/sbin/munged
  wait_for 30 "munged answering" sh -c 'munge -n | unmunge'
  started_munge=$(cat /run/munge/munged.pid)
fi

# PostgreSQL as its own user on a free loopback port, trusted local connections.
mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
pg_port=$(free_port 25432)
runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg/data" -U tunebench --auth=trust > "$work/initdb.log"
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off" start > /dev/null
storage="postgresql://tunebench@127.0.0.1:$pg_port/postgres"

# The study: 8 configurations x 2 seeds of a small MLP on a Fashion-MNIST subset (about a
# second a trial: long enough for both tasks to get some).
configurations=""
for c in 1 2 3 4 5 6 7 8; do configurations+="${configurations:+, }{\"optimizer\": \"adam\", \"lr\": 0.00$c}"; done
cat > "$work/study.json" << STUDY
{"name": "slurm-array", "seeds": 2,
 "dataset": {"kind": "fashion-mnist", "subset": 4000, "validation": 0.25},
 "model": {"depth": 1, "width": 32}, "training": {"epochs": 3, "batch_size": 64},
 "configurations": [$configurations]}
STUDY
[[ $("$cli" create "$work/study.json" --storage "$storage") == slurm-array ]]

# One-node Slurm: the settings of ../shared/notes/slurm-one-node.md, on free ports.
node=$(hostname -s)
ctld_port=$(free_port 26817)
slurmd_port=$(free_port $((ctld_port + 1)))
cat > "$work/slurm.conf" << CONF
ClusterName=tunebench-test
SlurmctldHost=$node
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/ctld.log
SlurmdLogFile=$work/d.log
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
NodeName=$node CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
mkdir -p "$work/state" "$work/spool"
export SLURM_CONF=$work/slurm.conf
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
wait_for 60 "the node idle in sinfo" sh -c "sinfo -h -N -o %T | grep -qx idle"

# What a user types (docs/CLUSTER.md), with this build's CLI and two one-CPU tasks.
cd "$work"
job=$(TUNEBENCH_STORAGE=$storage TUNEBENCH_CLI=$cli \
  sbatch --parsable --array=0-1 --cpus-per-task=1 "$source_dir/resources/deploy/slurm/tunebench-worker.sbatch")
echo "submitted array job $job"
wait_for 900 "the array job done (squeue empty)" sh -c "[ -z \"\$(squeue -h -j $job)\" ]"

logs=("$work"/tunebench-worker-"$job"_*.log)
[[ ${#logs[@]} -eq 2 ]] || { echo "FAIL: expected 2 task logs, found ${#logs[@]}" >&2; exit 1; }
ran=0
for log in "${logs[@]}"; do
  cat "$log"
  grep -q "study 'slurm-array': 16 of 16 planned trial(s) finished" "$log" ||
    { echo "FAIL: $log does not report the finished study" >&2; exit 1; }
  here=$(sed -n 's/.*: \([0-9]*\) trial(s) run here.*/\1/p' "$log")
  ((here > 0)) || { echo "FAIL: the task of $log ran no trial" >&2; exit 1; }
  ran=$((ran + here))
done
((ran == 16)) || { echo "FAIL: the tasks ran $ran trials, not the 16 planned" >&2; exit 1; }
complete=$("$cli" show "$storage" --trials --format csv | grep -c ',COMPLETE,' || true)
((complete == 16)) || { echo "FAIL: show lists $complete COMPLETE trials, not 16" >&2; exit 1; }
echo "PASS: a 2-task Slurm array finished the 16-trial study, each task running some"
