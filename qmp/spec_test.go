package qmp_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/vigil-ha/vigil/qmp"
)

func goodSpec() qmp.Spec {
	return qmp.Spec{
		Name: "web-1", UUID: "6f1c3a52-8a52-4d7e-9f0e-3b1d2c4a5e6f", VCPUs: 2, MemoryMiB: 512,
		Disks: []qmp.Disk{{Path: "/shared/vms/web,1.img"}, {Path: "/shared/vms/data.qcow2", Format: "qcow2", Cache: "writeback", ReadOnly: true}},
		NICs:  []qmp.NIC{{MAC: "52:54:00:00:00:01", Tap: "web-1-0"}},
		Extra: []string{"-device", "virtio-rng-pci"},
	}
}

func TestSpecArgs(t *testing.T) {
	p := qmp.PathsIn("/run/vigil/vms/web-1")
	args, err := goodSpec().Args(p, true)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Join(args, " ")
	for _, want := range []string{
		"-name guest=web-1,debug-threads=on",
		"-machine pc-q35-7.2",
		"-accel tcg",
		"-smp 2", "-m 512",
		"-uuid 6f1c3a52-8a52-4d7e-9f0e-3b1d2c4a5e6f",
		"-pidfile /run/vigil/vms/web-1/qemu.pid",
		"-qmp unix:/run/vigil/vms/web-1/qmp.sock,server=on,wait=off",
		"-qmp unix:/run/vigil/vms/web-1/qmp-admin.sock,server=on,wait=off",
		"logfile=/run/vigil/vms/web-1/serial.log",
		"-drive file=/shared/vms/web,,1.img,if=none,id=drive0,format=raw,cache=none", // comma escaped
		"-drive file=/shared/vms/data.qcow2,if=none,id=drive1,format=qcow2,cache=writeback,readonly=on",
		"-device virtio-blk-pci,drive=drive0,id=disk0",
		"-netdev tap,id=net0,ifname=web-1-0,script=no,downscript=no,vhost=off",
		"-device virtio-net-pci,netdev=net0,mac=52:54:00:00:00:01,id=nic0",
		"-device virtio-rng-pci",
	} {
		if !strings.Contains(line, want) {
			t.Errorf("Args() lacks %q:\n%s", want, line)
		}
	}
	if args[len(args)-2] != "-incoming" || args[len(args)-1] != "defer" {
		t.Errorf("Args(incoming) ends %v, want -incoming defer", args[len(args)-2:])
	}
	noInc, _ := goodSpec().Args(p, false)
	if slices.Contains(noInc, "-incoming") {
		t.Error("Args(not incoming) has -incoming")
	}
	if ids := goodSpec().DiskIDs(); !slices.Equal(ids, []string{"drive0", "drive1"}) {
		t.Errorf("DiskIDs() = %v", ids)
	}
}

func TestSpecValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*qmp.Spec)
		field string
	}{
		{"empty name", func(s *qmp.Spec) { s.Name = "" }, "name"},
		{"name with comma", func(s *qmp.Spec) { s.Name = "a,b" }, "name"},
		{"bad uuid", func(s *qmp.Spec) { s.UUID = "nope" }, "uuid"},
		{"no vcpus", func(s *qmp.Spec) { s.VCPUs = 0 }, "vcpus"},
		{"tiny memory", func(s *qmp.Spec) { s.MemoryMiB = 1 }, "memory_mib"},
		{"bad accel", func(s *qmp.Spec) { s.Accel = "hvf" }, "accel"},
		{"relative disk", func(s *qmp.Spec) { s.Disks[0].Path = "vm.img" }, "disks[0].path"},
		{"unclean disk", func(s *qmp.Spec) { s.Disks[1].Path = "/shared/../etc/x" }, "disks[1].path"},
		{"bad format", func(s *qmp.Spec) { s.Disks[0].Format = "vmdk" }, "disks[0].format"},
		{"multicast mac", func(s *qmp.Spec) { s.NICs[0].MAC = "01:00:5e:00:00:01" }, "nics[0].mac"},
		{"duplicate mac", func(s *qmp.Spec) { s.NICs = append(s.NICs, qmp.NIC{MAC: "52:54:00:00:00:01", Tap: "x"}) }, "nics[1].mac"},
		{"long tap", func(s *qmp.Spec) { s.NICs[0].Tap = "a-very-long-tap-name" }, "nics[0].tap"},
		{"tap with comma", func(s *qmp.Spec) { s.NICs[0].Tap = "t,script=/bin/sh" }, "nics[0].tap"},
		{"machine injection", func(s *qmp.Spec) { s.Machine = "q35,accel=kvm" }, "machine"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := goodSpec()
			tt.edit(&s)
			_, err := s.Args(qmp.PathsIn("/run/x"), false)
			if !errors.Is(err, qmp.ErrInvalidSpec) || !strings.Contains(err.Error(), tt.field+":") {
				t.Errorf("Args() = %v, want ErrInvalidSpec naming %s", err, tt.field)
			}
		})
	}
}
