// Package image holds what bakes vigil into a hypervisor OS image: the
// hardened systemd unit, packaging and the image recipe, with tests that keep
// them honest.
package image
