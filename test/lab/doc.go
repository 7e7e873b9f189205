// Package lab stands up N simulated hypervisor hosts on one machine for tests
// and for `vigil-lab demo`: each host is a network namespace on a management and
// a migration network, fronted by a real BMC simulator whose power control
// really kills and restarts what runs on the host, all hosts sharing one
// storage directory, with one fault-injection API and a teardown that always
// runs.
//
// # Topology
//
// Lab <L> (an index 1..250 claimed under an flock in /run/vigil-lab, so labs
// run one after another and concurrently from several test binaries) uses
// 10.213.<L>.0/24 for management and 10.214.<L>.0/24 for migration; Start
// skips indexes whose subnets collide with anything configured on the
// machine.
//
//	test process (root netns): vlab<L>m 10.213.<L>.1 (Lab.GatewayIP)
//	                           + BMC i at 10.213.<L>.<100+i>  (ipmi_sim :623 / Redfish :443)
//	switch netns vlab<L>-sw:   bridge brm (mgmt) and brg (migration)
//	host netns vlab<L>-h<i>:   mgmt0 10.213.<L>.<10+i>, mig0 10.214.<L>.<10+i>, lo
//
// The test process reaches every BMC and every host's management address by
// plain IP (ipmitool, fence_ipmilan, the vigil CLI need no nsenter); every
// host reaches every BMC and every other host on both networks. Hosts have
// no route anywhere else.
//
// # Core types
//
// [Lab] (Start/Close, or New in tests) holds the [Host]s, SharedDir (VM
// disks, on disk under /var/tmp/vigil-lab so O_DIRECT works; namespaces
// share the filesystem) and the network faults. A [Host]
// has Name, Netns/NetnsPath, MgmtIP, MigIP, StateDir (a 16 MiB tmpfs),
// LogDir and its [BMC]. Host.Command returns an exec.Cmd that runs inside
// the host's namespace (through nsenter); Host.Do runs Go code on a locked
// OS thread inside it; Host.Start/StartCmd start and track a [Proc];
// Host.AddService registers a boot service that is started again at every
// power on; Host.StartVM boots the test guest (package guest) with its
// serial output in a file.
//
// # Power
//
// A host's power off kills every process whose network namespace is the
// host's (tracked or not, QEMU included) and refuses new ones
// (ErrPoweredOff); power on restarts its boot services. The BMCs drive it:
// ipmi_sim's chassis control runs a hook that reaches the lab over a
// loopback TCP port (bash /dev/tcp with a per-lab token), the Redfish
// simulator calls a Go hook. The hook returns only when the host's
// processes are dead, so a BMC that reads "off" means a dead host.
// Host.PowerOff/PowerOn press the BMC's button (BMC.SetPower), so BMC and
// host always agree. Host.CutPower is a power cut: the host and its BMC die
// (the BMC becomes unreachable, then reads off after RestorePower).
// BMC.SetDown takes only the BMC away.
//
// # Faults
//
// Sensors (BMC.SetSensor, FailFan, FailPSU, RaiseECC) go to the simulator.
// Network faults are enforced in the switch namespace with an nftables
// bridge-family table, so they drop packets silently, as a broken network
// does: Lab.Partition, PartitionOneWay, Isolate, PartitionBMC (a host from a
// BMC; the test process still reaches it), Host.SetLoss (numgen random
// drop at the host's switch port, both ways); Host.SetBandwidth (tc tbf on
// both ends of the host's veth); Lab.Heal undoes them all. Processes:
// Proc.Kill, Pause (SIGSTOP), Resume. Disk: Host.FillDisk/FreeDisk fill the
// host's StateDir tmpfs to ENOSPC.
//
// # Never twice
//
// A watcher samples every 200 ms which QEMU processes run in lab
// namespaces, follows their serial output files and counts heartbeat
// streams (guest.Streams holds the rules that tell a live migration or a
// reboot from a second copy; OnHeartbeat hands every heartbeat read to a
// recorder). Lab.LiveCopies, VMHosts and TwiceViolations report
// it; New registers CheckNeverTwice, so every test using a lab fails at
// cleanup if a VM ever ran twice.
//
// # Teardown
//
// Close (and New's cleanup, also after t.Fatal; SIGINT/SIGTERM of the test
// binary too) stops the BMCs, kills every process in the lab's namespaces
// or naming the lab directory, unmounts the tmpfs mounts, deletes the
// namespaces (their veths go with them), the root-namespace nftables table
// and the directories. A lab whose owner died (SIGKILL, test timeout) is
// swept the same way by the next Start.
//
// # Caveats
//
//   - Latency injection needs sch_netem, which this machine's kernel lacks:
//     Host.SetLatency returns an error wrapping ErrNeedsFullKernel here and
//     works inside the full-kernel runner (test/fullkernel).
//   - Partitions and loss match IPv4 addresses and switch ports; ARP and
//     IPv6 link-local traffic still pass.
//   - VMs are counted only when their COM1 output reaches a file
//     (-serial file:, a chardev logfile=, or stdout redirected to a file).
//   - Needs root, nsenter, nft, tc and bash; IPMI BMCs need ipmi_sim and
//     sdrcomp (openipmi). New skips the test with the reason otherwise.
package lab
