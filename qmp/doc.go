// Package qmp runs VMs by driving QEMU directly over QMP: it turns a VM spec
// into a QEMU command line, starts, stops and adopts QEMU processes, and
// live-migrates VMs between hosts, verifying them afterwards.
package qmp
