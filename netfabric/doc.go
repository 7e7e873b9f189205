// Package netfabric builds a host's VM network through netlink: bridges with
// VLAN filtering, VLANs on trunks, VXLAN segments and one tap per VM NIC. It
// reconciles the host against a declarative fabric file and changes only the
// objects vigil owns.
package netfabric
