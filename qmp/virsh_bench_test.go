package qmp_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/guest"
)

// libvirtd is one libvirt daemon inside a lab host: its own network
// namespace (the host's) and mount namespace, with private /etc/libvirt,
// /var/lib/libvirt, /run/libvirt, /var/cache/libvirt and /var/log/libvirt
// (LAB.md), listening on the host's management address without auth.
type libvirtd struct {
	host *lab.Host
	dir  string
	cmd  *exec.Cmd
	uri  string
}

var libvirtDirs = []string{"/etc/libvirt", "/var/lib/libvirt", "/run/libvirt", "/var/cache/libvirt", "/var/log/libvirt"}

func startLibvirtd(b *testing.B, h *lab.Host, base string) *libvirtd {
	b.Helper()
	d := &libvirtd{host: h, dir: filepath.Join(base, h.Name), uri: fmt.Sprintf("qemu+tcp://%s/system", h.MgmtIP)}
	for _, sub := range libvirtDirs {
		if err := os.MkdirAll(sub, 0o755); err != nil { // mount points in the root namespace
			b.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(d.dir, filepath.Base(sub)), 0o755); err != nil {
			b.Fatal(err)
		}
	}
	conf := fmt.Sprintf(`listen_tls = 0
listen_tcp = 1
auth_tcp = "none"
listen_addr = "%s"
host_uuid = "00000000-0000-4000-8000-%012d"
log_outputs = "3:file:/var/log/libvirt/libvirtd.log"
`, h.MgmtIP, h.Index)
	qconf := fmt.Sprintf(`security_driver = "none"
cgroup_controllers = [ ]
namespaces = [ ]
migration_address = "%s"
migration_host = "%s"
stdio_handler = "file"
user = "root"
group = "root"
remember_owner = 0
`, h.MigIP, h.MigIP)
	etc := filepath.Join(d.dir, "libvirt")
	if err := os.WriteFile(filepath.Join(etc, "libvirtd.conf"), []byte(conf), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(etc, "qemu.conf"), []byte(qconf), 0o644); err != nil {
		b.Fatal(err)
	}
	var script strings.Builder
	script.WriteString("set -e\n")
	for _, sub := range libvirtDirs {
		src := filepath.Join(d.dir, filepath.Base(sub))
		if sub == "/etc/libvirt" {
			src = etc
		}
		fmt.Fprintf(&script, "mount --bind %s %s\n", src, sub)
	}
	script.WriteString("exec libvirtd --listen --pid-file /run/libvirt/libvirtd.pid -f /etc/libvirt/libvirtd.conf\n")
	d.cmd = h.Command(context.Background(), "unshare", "-m", "--propagation", "private", "sh", "-c", script.String())
	logf, err := os.Create(filepath.Join(d.dir, "stderr.log"))
	if err != nil {
		b.Fatal(err)
	}
	d.cmd.Stdout, d.cmd.Stderr = logf, logf
	if err := d.cmd.Start(); err != nil {
		b.Fatalf("libvirtd on %s: %v", h.Name, err)
	}
	b.Cleanup(func() {
		d.cmd.Process.Kill()
		d.cmd.Wait()
		logf.Close()
	})
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := d.virsh(context.Background(), "version"); err == nil {
			return d
		} else if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(d.dir, "stderr.log"))
			b.Fatalf("libvirtd on %s not answering: %v; stderr: %s", h.Name, err, log)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (d *libvirtd) virsh(ctx context.Context, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "virsh", append([]string{"-q", "-c", d.uri}, args...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if err != nil {
		return out.String(), fmt.Errorf("virsh %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(out.String()))
	}
	return out.String(), nil
}

// virshMigrate boots the test guest under libvirt on a, waits for it to
// fill its RAM, and times `virsh migrate --live` to b. It returns the wall
// time of the virsh command and libvirt's own elapsed time and downtime.
func virshMigrate(b *testing.B, a, to *libvirtd, name string, memMiB, dirty int) (wall, elapsed, downtime time.Duration) {
	b.Helper()
	kernel := guestKernel(b)
	serial := filepath.Join(a.dir, name+".serial.log")
	xml := fmt.Sprintf(`<domain type='qemu'>
  <name>%s</name>
  <memory unit='MiB'>%d</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc-q35-7.2'>hvm</type><kernel>%s</kernel><cmdline>id=%s dirty=%d</cmdline></os>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <serial type='file'><source path='%s' append='on'/><target port='0'/></serial>
    <memballoon model='none'/>
  </devices>
</domain>
`, name, memMiB, kernel, name, dirty, serial)
	xmlPath := filepath.Join(a.dir, name+".xml")
	if err := os.WriteFile(xmlPath, []byte(xml), 0o644); err != nil {
		b.Fatal(err)
	}
	if out, err := a.virsh(context.Background(), "create", xmlPath); err != nil {
		b.Fatalf("%v %s", err, out)
	}
	b.Cleanup(func() {
		a.virsh(context.Background(), "destroy", name)
		to.virsh(context.Background(), "destroy", name)
	})
	r := guest.NewFileReader(serial)
	c, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	_, err := r.Wait(c, "filled RAM", func(hb guest.Heartbeat) bool { return hb.ID == name && !hb.Filling })
	cancel()
	r.Close()
	if err != nil {
		b.Fatalf("libvirt guest %s: %v", name, err)
	}
	start := time.Now()
	if out, err := a.virsh(context.Background(), "migrate", "--live", name, to.uri); err != nil {
		b.Fatalf("%v %s", err, out)
	}
	wall = time.Since(start)
	info, err := to.virsh(context.Background(), "domjobinfo", "--completed", name)
	if err != nil {
		b.Logf("domjobinfo: %v", err)
		return wall, 0, 0
	}
	return wall, jobMs(info, "Time elapsed"), jobMs(info, "Total downtime")
}

func jobMs(info, key string) time.Duration {
	m := regexp.MustCompile(`(?m)^` + key + `:\s+(\d+)\s+ms`).FindStringSubmatch(info)
	if m == nil {
		return 0
	}
	ms, _ := strconv.Atoi(m[1])
	return time.Duration(ms) * time.Millisecond
}
