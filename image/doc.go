// Package image holds what bakes vigil into a hypervisor OS image: the
// hardened systemd unit, packaging and the image recipe, with tests that keep
// them honest.
//
// Nothing is built here yet: it arrives with the OS image work.
package image
