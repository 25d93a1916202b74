#!/usr/bin/env python3
"""A throw-away Slurm cluster on this machine for tests (Debian 12's slurm-wlm 22.05 + munge,
as /work/shared/notes/slurm-22.05.md verified): munged, slurmctld and one slurmd on loopback,
every file in one private directory, nothing in /etc touched. Needs root (the daemons run as
root); `Cluster.available()` says why not when it cannot run.

    with Cluster(dir) as c:   # c.env has SLURM_CONF for srun/squeue/scancel
        ...
"""
import os
import shutil
import socket
import subprocess
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    @staticmethod
    def available():
        if os.geteuid() != 0:
            return "the test cluster's daemons need root"
        for tool in ("munged", "slurmctld", "slurmd", "srun", "scancel", "squeue", "scontrol"):
            if shutil.which(tool) is None:
                return f"{tool} is not installed (.ci/dev installs slurm-wlm and munge)"
        return None

    def __init__(self, dir, cpus=2):
        self.dir = os.path.join(dir, "slurm")
        self.cpus = cpus
        self.node = socket.gethostname().split(".")[0]
        self.procs = []

    def path(self, *p):
        return os.path.join(self.dir, *p)

    def __enter__(self):
        for d in ("munge", "state", "spool", "log", "run"):
            os.makedirs(self.path(d), exist_ok=True)
        os.chmod(self.path("munge"), 0o700)
        with open(self.path("munge", "munge.key"), "wb") as f:
            f.write(os.urandom(1024))
        os.chmod(self.path("munge", "munge.key"), 0o600)
        sock = self.path("munge", "sock")
        subprocess.run(["munged", "--force", f"--key-file={self.path('munge', 'munge.key')}", f"--socket={sock}",
                        f"--pid-file={self.path('run', 'munged.pid')}", f"--log-file={self.path('log', 'munged.log')}",
                        f"--seed-file={self.path('munge', 'seed')}"], check=True)
        self.conf = self.path("slurm.conf")
        with open(self.conf, "w") as f:
            f.write(f"""ClusterName=eoktest
SlurmctldHost={self.node}(127.0.0.1)
SlurmctldPort={free_port()}
SlurmdPort={free_port()}
AuthType=auth/munge
AuthInfo=socket={sock}
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation={self.path('state')}
SlurmdSpoolDir={self.path('spool')}
SlurmctldPidFile={self.path('run', 'slurmctld.pid')}
SlurmdPidFile={self.path('run', 'slurmd.pid')}
SlurmctldLogFile={self.path('log', 'slurmctld.log')}
SlurmdLogFile={self.path('log', 'slurmd.log')}
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
SchedulerType=sched/backfill
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=2
MinJobAge=5
NodeName={self.node} NodeAddr=127.0.0.1 CPUs={self.cpus} RealMemory=4000 State=UNKNOWN
PartitionName=eok Nodes={self.node} Default=YES MaxTime=INFINITE State=UP
""")
        self.env = dict(os.environ, SLURM_CONF=self.conf)
        subprocess.run(["slurmctld", "-f", self.conf], check=True, env=self.env)
        subprocess.run(["slurmd", "-f", self.conf], check=True, env=self.env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            r = subprocess.run(["sinfo", "-h", "-o", "%T"], capture_output=True, text=True, env=self.env)
            if r.returncode == 0 and r.stdout.strip() in ("idle", "mixed", "allocated"):
                return self
            time.sleep(0.5)
        self.__exit__(None, None, None)
        raise RuntimeError("the test Slurm cluster did not come up: " + self.logs())

    def logs(self):
        out = ""
        for name in ("slurmctld.log", "slurmd.log"):
            p = self.path("log", name)
            if os.path.exists(p):
                with open(p) as f:
                    out += f"--- {name}\n" + f.read()[-3000:]
        return out

    def jobs(self):
        r = subprocess.run(["squeue", "-h", "-o", "%i %j %T"], capture_output=True, text=True, env=self.env)
        return [line.split() for line in r.stdout.splitlines() if line.strip()]

    def __exit__(self, *exc):
        subprocess.run(["scancel", "--user=root"], capture_output=True, env=self.env)
        for pid_file in ("slurmd.pid", "slurmctld.pid", "munged.pid"):
            p = self.path("run", pid_file)
            try:
                with open(p) as f:
                    pid = int(f.read().strip())
                os.kill(pid, 15)
                for _ in range(50):
                    os.kill(pid, 0)
                    time.sleep(0.1)
            except (OSError, ValueError):
                pass
        return False
