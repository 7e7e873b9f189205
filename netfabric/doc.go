// Package netfabric builds a host's VM network through netlink: bridges with
// VLAN filtering, trunk uplinks, VXLAN segments, the management and migration
// addresses, and one tap per VM NIC. It reconciles a network namespace
// against a declarative fabric file (`vigil net apply|show|diff`) and changes
// only the interfaces vigil owns.
//
// # Core types
//
//   - [Fabric] is the file (YAML, version 1): Uplinks, Bridges, VXLANs, Taps,
//     Management and Migration. [Parse] / [Load] refuse unknown keys, wrong
//     types, VLANs outside 1–4094, duplicate names or MACs, a bridge whose
//     uplink is an interface the file itself creates, and so on, every
//     problem naming the file, line and key path (a [*ConfigError]).
//   - [State] is a namespace as netlink reports it (links, bridge VLANs,
//     VXLAN FDB remotes, addresses); [Desired] computes the State a Fabric
//     asks for, and [Diff] the [Plan] between the two: typed [Step]s, each
//     exactly one `ip` or `bridge` command ([Command]), which is what
//     `vigil net diff` and `apply --dry-run` print.
//   - [Host] works in one namespace (`--netns`, or a handle): [Host.Read],
//     [Host.Plan], [Host.Apply] (read, diff, carry out only the plan;
//     applying twice changes nothing), [Host.Show], [Host.Watch] (drift
//     repair), [Host.PlugVM] / [Host.UnplugVM].
//   - [Hooks] is what a live migration calls (vms.Host.Migrate, the
//     product's orchestration): PrepareTarget before, then (after qmp's
//     announce-self on the target) AfterSwitchover, or AbortTarget on
//     failure. [Migration] implements it for two Hosts in
//     one process; netfabrictest.Hooks is the fake for unit tests.
//
// # Ownership
//
// vigil owns an interface when its alias (IFLA_IFALIAS, `ip link set dev X
// alias ...`) starts with "vigil:" ("vigil:bridge", "vigil:vxlan",
// "vigil:tap vm=NAME mac=GUESTMAC", "vigil:vlan role=management",
// "vigil:uplink"). Owned interfaces missing from the file are deleted;
// everything else on the host is never changed.
//
// Uplinks are host ports vigil takes over but never creates or deletes. A
// bridge's `uplink: eth1` is itself the declaration that vigil may take eth1
// (the CLI.md example is accepted as written); listing it under `uplinks:`
// as well only adds settings (MTU), and `uplinks:` alone hands over a port
// no bridge enslaves (for an address). When the file drops an uplink it is
// only released (nomaster, alias cleared), never deleted.
//
// [Diff] (so Host.Plan and Host.Apply) refuses before any change, with a
// [*ConflictError] naming the file, the key (bridges[0].uplink,
// taps[2].name, ...) and the interface:
//   - an interface of taps, bridges, vxlans or a VLAN device that exists and
//     is not vigil's ([ErrNotOwned]);
//   - a missing uplink ([ErrMissingUplink]);
//   - an uplink that is a port of a bridge or bond vigil does not own, that
//     carries another owner's alias, that is vigil's own interface of
//     another role, or that is a bridge, vxlan, tap or lo; a bridge's uplink
//     must moreover be a physical NIC, bond, team, 802.1Q VLAN device or
//     veth (not a dummy, macvlan, tunnel...) ([ErrNotOwned]);
//   - an uplink a bridge would enslave that, when vigil takes it over,
//     holds global addresses (other than the ones the file gives it) or a
//     default route (any table), unless the file's `management.device` is
//     its bridge ([ErrHostTraffic]). A bridge port's addresses
//     stop working, so taking it silently would cut the host off. Declaring
//     management there is the operator's statement that the move is meant;
//     vigil adds the management address but does not move the port's old
//     addresses or routes, which the operator does in the same change. A
//     port already "vigil:uplink" is not checked again.
//
// # One apply at a time
//
// A Host carries out one apply, plan or drift repair at a time, from reading
// the namespace to the kernel's last reply, and waiting for its turn honours
// the caller's context. PlugVM and UnplugVM change the remembered fabric
// inside that turn, so hooks of migrations arriving together never drop
// each other's taps (Watch would then delete the missing ones). Hooks that
// queue behind an apply are carried out together by the next one (50 at
// once cost two read-plan-apply rounds, not fifty: 50 plugs and then 50
// unplugs into a host with 200 ports take about 0.13 s in all,
// BenchmarkConcurrentPlug200Ports); each keeps its own outcome, and one
// that fails leaves the remembered fabric without it.
//
// # Netlink, batched
//
// Reads are one dump each (links, addresses, routes, bridge VLANs, one FDB
// dump per VXLAN). Per-port changes (link set, bridge vlan add/del, link del) are
// serialised into as few sendmsg calls as fit 64 KiB, with an ACK asked only
// of the last message of each batch: the kernel handles them in order and
// reports failures as it goes. Taps are created through /dev/net/tun
// (TUNSETIFF, TUNSETPERSIST) on a thread locked inside the namespace, since
// a tap lands in the namespace of the thread that opened /dev/net/tun. A
// thread already in the Host's namespace never calls setns (for sockets,
// taps or Watch's subscriptions): that needs CAP_SYS_ADMIN, which the agent
// under vigil.service does not have.
// Taps are deleted together: they join a group of vigil's own
// (IFLA_GROUP 1986619136) and the group is deleted in one request, so the
// kernel waits for one RCU grace period instead of one per tap (50 taps:
// about 25 ms instead of 0.85 s); if anything else is in that group they
// are deleted one by one. Plans still show one `ip link del` per tap.
// vigil's own CPU time is about 5 ms of an apply of 500 ports; the rest is
// the kernel registering devices and bridge ports, the same work the `ip`
// commands cause. Measured: 500 VM ports in about 0.15-0.35 s against 3-5 s
// forking `ip` (BenchmarkApply500Ports; the spread is machine load).
//
// # Caveats
//
//   - A tap's own MAC is the guest's with the first octet set to 0xfe (as
//     libvirt does): a bridge treats its ports' addresses as local, so a tap
//     carrying the guest's MAC would swallow the guest's traffic. Guest
//     MACs starting with fe are refused.
//   - A new port on a vlan_filtering bridge gets the kernel's default PVID 1;
//     the plan deletes it unless asked for (`bridge vlan del ... vid 1`).
//   - VXLAN parameters (VNI, local, group, dev, port, learning) cannot change
//     in place: the device is deleted and created again.
//   - This machine's kernel has no 802.1Q or vlan_filtering: the VLAN tests
//     run inside Debian's kernel through test/fullkernel (TestFullKernel).
//   - Watch listens to link and address events; FDB entries are not
//     announced the same way and are checked on the periodic resync.
package netfabric
