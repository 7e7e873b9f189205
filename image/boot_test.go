package image

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/internal/testenv"
)

// OVMF's firmware (package ovmf): code read-only, a copy of the variables
// per boot.
const (
	ovmfCode = "/usr/share/OVMF/OVMF_CODE.fd"
	ovmfVars = "/usr/share/OVMF/OVMF_VARS.fd"
)

// Budgets under TCG on a loaded machine; the goal for power-on to
// READY is 30 s, reported, not asserted (timing here is noisy).
const (
	readyTimeout  = 10 * time.Minute
	promptTimeout = 3 * time.Minute
	cmdTimeout    = 2 * time.Minute
)

var (
	imageOnce  sync.Once
	imageRaw   string
	imageErr   string
	imageDebs  debs
	imageBuild time.Duration
)

// buildImage builds the OS image once per test binary with
// image/build-image.sh, from the package buildDebs made (its first
// version; the second is the upgrade the boot test installs).
func buildImage(t *testing.T) (string, debs) {
	t.Helper()
	testenv.NeedsRoot(t)
	testenv.NeedsCommand(t, "mmdebstrap", "sfdisk", "mke2fs", "mkfs.vfat", "mcopy", "qemu-img", "unshare")
	d := buildDebs(t)
	imageOnce.Do(func() {
		dir, err := os.MkdirTemp("", "vigil-image-")
		if err != nil {
			imageErr = err.Error()
			return
		}
		debDirs = append(debDirs, dir)
		start := time.Now()
		cmd := exec.Command("bash", "build-image.sh", dir, d.v1)
		cmd.Env = append(os.Environ(), "VIGIL_IMAGE_QCOW2=0")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			imageErr = "image/build-image.sh: " + err.Error() + "\n" + stderr.String()
			return
		}
		imageBuild = time.Since(start)
		imageRaw = strings.TrimSpace(string(out))
		imageDebs = d
		t.Logf("image/build-image.sh (%s):\n%s", imageBuild.Round(time.Second), stderr.String())
	})
	if imageErr != "" {
		t.Fatal(imageErr)
	}
	return imageRaw, imageDebs
}

// serial is a booted VM's serial console: everything it printed so far
// (ANSI escapes removed), and its input.
type serial struct {
	t     *testing.T
	start time.Time // power-on
	in    io.Writer
	mu    sync.Mutex
	buf   []byte
	more  chan struct{}
	done  chan struct{}
	pos   int // where the next wait starts looking
}

var (
	ansi      = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r`)
	ansiWhole = regexp.MustCompile(`^\x1b(\[[0-9;?]*[A-Za-z]|[()][A-Z0-9])`)
)

// read collects the console's output. An escape sequence split between two
// reads is held back until its end arrives, so that it is removed whole.
func (s *serial) read(r io.Reader, log io.Writer) {
	defer close(s.done)
	br := bufio.NewReader(r)
	chunk := make([]byte, 4096)
	var carry []byte
	for {
		n, err := br.Read(chunk)
		if n > 0 {
			log.Write(chunk[:n])
			data := append(carry, chunk[:n]...)
			carry = nil
			if i := bytes.LastIndexByte(data, 0x1b); i >= 0 && len(data)-i < 16 && !ansiWhole.Match(data[i:]) {
				carry = append([]byte(nil), data[i:]...)
				data = data[:i]
			}
			s.mu.Lock()
			s.buf = append(s.buf, ansi.ReplaceAll(data, nil)...)
			s.mu.Unlock()
			select {
			case s.more <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// wait returns the first match of re after the last wait's match, and the
// time since power-on at which it was seen.
func (s *serial) wait(re *regexp.Regexp, timeout time.Duration) ([]string, time.Duration) {
	s.t.Helper()
	deadline := time.After(timeout)
	for {
		s.mu.Lock()
		text := s.buf[s.pos:]
		loc := re.FindSubmatchIndex(text)
		if loc != nil {
			var m []string
			for i := 0; i < len(loc); i += 2 {
				if loc[i] >= 0 {
					m = append(m, string(text[loc[i]:loc[i+1]]))
				} else {
					m = append(m, "")
				}
			}
			s.pos += loc[1]
			s.mu.Unlock()
			return m, time.Since(s.start)
		}
		s.mu.Unlock()
		select {
		case <-s.more:
		case <-s.done:
			s.t.Fatalf("QEMU exited while waiting for %q on the serial console; it printed:\n%s", re, s.tail(4000))
		case <-deadline:
			s.t.Fatalf("%s after power-on: no %q on the serial console; it printed:\n%s", time.Since(s.start).Round(time.Second), re, s.tail(4000))
		}
	}
}

func (s *serial) tail(n int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.buf
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}

func (s *serial) send(text string) {
	s.t.Helper()
	if _, err := io.WriteString(s.in, text); err != nil {
		s.t.Fatalf("serial console: %v", err)
	}
}

var cmdSeq int

// run types a shell command at the logged-in console and returns what it
// printed and its exit status. The markers are spelled differently in the
// typed line than in the output, so the echo of the line never matches.
func (s *serial) run(command string) (string, int) {
	s.t.Helper()
	cmdSeq++
	b, e := fmt.Sprintf("@@B%d@@", cmdSeq), fmt.Sprintf("@@E%d@@", cmdSeq)
	s.send(fmt.Sprintf("echo @@B%d''@@; %s; echo @@E%d''@@ $?\n", cmdSeq, command, cmdSeq))
	m, _ := s.wait(regexp.MustCompile(`(?s)`+regexp.QuoteMeta(b)+`\n(.*?)`+regexp.QuoteMeta(e)+` (\d+)`), cmdTimeout)
	rc, _ := strconv.Atoi(m[2])
	return m[1], rc
}

// mustRun is run that fails t unless the command exits 0.
func (s *serial) mustRun(command string) string {
	s.t.Helper()
	out, rc := s.run(command)
	if rc != 0 {
		s.t.Fatalf("in the guest: %s: exit %d\n%s", command, rc, out)
	}
	return out
}

// vfatImage makes a FAT filesystem image labelled label holding files,
// without a loop device (mkfs.vfat -C, mcopy).
func vfatImage(t *testing.T, path, label string, files map[string]string) {
	t.Helper()
	run(t, nil, "mkfs.vfat", "-C", "-n", label, path, "8192")
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		run(t, nil, "mcopy", "-i", path, p, "::/"+name)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// vm is one boot of the image under QEMU (TCG, UEFI with OVMF).
type vm struct {
	*serial
	metricsPort int
}

// boot starts the image from a copy-on-write overlay (the image itself is
// never written) with extra virtio disks (serial number -> raw file), and
// node_exporter's port forwarded to the host. With direct false it boots
// through UEFI (OVMF, then the image's systemd-boot); with direct true QEMU
// loads the kernel and initrd from the image's ESP itself, with the
// command line of its boot entry (quicker: no firmware).
func boot(t *testing.T, raw string, direct bool, disks map[string]string) *vm {
	t.Helper()
	qemu := testenv.NeedsCommand(t, "qemu-system-x86_64")
	dir := t.TempDir()
	overlay := filepath.Join(dir, "disk.qcow2")
	run(t, nil, "qemu-img", "create", "-q", "-f", "qcow2", "-F", "raw", "-b", raw, overlay)
	port := freePort(t)
	args := []string{
		"-machine", "q35,accel=tcg", "-cpu", "max", "-m", "1024", "-smp", "1",
		"-nodefaults", "-display", "none", "-serial", "stdio", "-no-reboot",
	}
	if direct {
		// The ESP starts 1 MiB into the disk (build-image.sh).
		esp := raw + "@@1M"
		entry := run(t, nil, "mtype", "-i", esp, "::/loader/entries/vigil.conf")
		m := regexp.MustCompile(`(?m)^options (.*)$`).FindStringSubmatch(entry)
		if m == nil {
			t.Fatalf("the boot entry has no options line:\n%s", entry)
		}
		kernel, initrd := filepath.Join(dir, "vmlinuz"), filepath.Join(dir, "initrd.img")
		run(t, nil, "mcopy", "-i", esp, "::/vigil/vmlinuz", kernel)
		run(t, nil, "mcopy", "-i", esp, "::/vigil/initrd.img", initrd)
		args = append(args, "-kernel", kernel, "-initrd", initrd, "-append", strings.TrimSpace(m[1]))
	} else {
		for _, f := range []string{ovmfCode, ovmfVars} {
			if _, err := os.Stat(f); err != nil {
				testenv.Unavailable(t, "OVMF firmware %s missing (test/deps.sh installs ovmf)", f)
			}
		}
		vars := filepath.Join(dir, "OVMF_VARS.fd")
		data, err := os.ReadFile(ovmfVars)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(vars, data, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args,
			"-drive", "if=pflash,format=raw,readonly=on,file="+ovmfCode,
			"-drive", "if=pflash,format=raw,file="+vars)
	}
	args = append(args,
		"-drive", "if=none,id=root,format=qcow2,file="+overlay,
		"-device", "virtio-blk-pci,drive=root"+map[bool]string{false: ",bootindex=0", true: ""}[direct],
		"-netdev", fmt.Sprintf("user,id=n0,hostfwd=tcp:127.0.0.1:%d-:9100", port),
		"-device", "virtio-net-pci,netdev=n0",
		// A hardware watchdog for /dev/watchdog.
		"-device", "i6300esb",
	)
	for serialNo, file := range disks {
		args = append(args, "-drive", fmt.Sprintf("if=none,id=%s,format=raw,readonly=on,file=%s", serialNo, file),
			"-device", fmt.Sprintf("virtio-blk-pci,drive=%s,serial=%s", serialNo, serialNo))
	}
	cmd := exec.Command(qemu, args...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	logFile, err := os.Create(filepath.Join(dir, "serial.log"))
	if err != nil {
		t.Fatal(err)
	}
	s := &serial{t: t, in: stdin, more: make(chan struct{}, 1), done: make(chan struct{})}
	s.start = time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go s.read(stdout, logFile)
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		<-s.done
		logFile.Close()
		if stderr.Len() > 0 {
			t.Logf("qemu stderr: %s", stderr.String())
		}
	})
	return &vm{serial: s, metricsPort: port}
}

// login logs in as root on the serial console. The prompt may have been
// printed before the banner: Enter makes agetty print it again.
func (v *vm) login(password string) {
	v.t.Helper()
	v.send("\n")
	v.wait(regexp.MustCompile(`login: `), promptTimeout)
	v.send("root\n")
	v.wait(regexp.MustCompile(`Password: `), cmdTimeout)
	v.send(password + "\n")
	v.wait(regexp.MustCompile(`root@[a-z0-9-]+:~# `), cmdTimeout)
	// No pager, no colours, no line editing surprises.
	v.mustRun("export SYSTEMD_PAGER= SYSTEMD_COLORS=0 TERM=dumb; stty -onlcr cols 500")
}

// status runs `vigil status --json` inside and decodes it.
func (v *vm) status() localapi.Status {
	v.t.Helper()
	out := v.mustRun("vigil status --json")
	var st localapi.Status
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &st); err != nil {
		v.t.Fatalf("vigil status --json in the guest: %v\n%s", err, out)
	}
	return st
}

// metrics fetches node_exporter's /metrics through the forwarded port.
func (v *vm) metrics(timeout time.Duration) string {
	v.t.Helper()
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		c := http.Client{Timeout: 20 * time.Second}
		resp, err := c.Get(fmt.Sprintf("http://127.0.0.1:%d/metrics", v.metricsPort))
		if err == nil {
			body, rerr := io.ReadAll(resp.Body)
			resp.Body.Close()
			if rerr == nil && resp.StatusCode == http.StatusOK {
				return string(body)
			}
			last = fmt.Errorf("HTTP %d, %v", resp.StatusCode, rerr)
		} else {
			last = err
		}
		time.Sleep(2 * time.Second)
	}
	v.t.Fatalf("node_exporter did not serve /metrics: %v", last)
	return ""
}

var (
	// systemd shortens status lines to the console's width:
	// "Started vigil.service - vigil HA agent…" or "Started vigil.service …".
	readyLine  = regexp.MustCompile(`Started vigil\.service[ …]`)
	bannerHead = regexp.MustCompile(`vigil hypervisor  ([a-z0-9-]+)\n`)
	bannerLine = regexp.MustCompile(`\n  vigil +([^\n]*)\n`)
)

// TestImageBootsSeeded boots the image under QEMU (TCG, UEFI through OVMF
// and systemd-boot) with a VIGILSEED disk and waits for vigil.service's
// READY on the serial console; then it logs in there as a technician on
// the BMC's serial-over-LAN would, checks the seed was applied, `vigil
// status --json`, the unit's sandbox under the real systemd, node_exporter
// from outside, and upgrades the package while a VM unit runs in
// machine.slice.
func TestImageBootsSeeded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and boots the OS image under TCG")
	}
	testenv.NeedsCommand(t, "openssl")
	raw, d := buildImage(t)
	fi, err := os.Stat(raw)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("image: %s, %d MiB (raw, %d MiB allocated)", filepath.Base(raw), fi.Size()>>20, allocated(t, raw)>>20)

	dir := t.TempDir()
	const password = "vigil-test-console"
	hash := strings.TrimSpace(run(t, nil, "openssl", "passwd", "-6", password))
	seed := filepath.Join(dir, "seed.img")
	vfatImage(t, seed, "VIGILSEED", map[string]string{
		"vigil.yaml":         "version: 1\nhost: vigil-test\nsensors:\n  interval: 2s\n",
		"bmc.pw":             "not-used-by-a-standalone-host\n",
		"root-password-hash": hash + "\n",
	})
	// The upgrade: the second package, as a raw disk read back by size.
	upgrade := filepath.Join(dir, "upgrade.img")
	debData, err := os.ReadFile(d.v2)
	if err != nil {
		t.Fatal(err)
	}
	padded := append(debData, make([]byte, (512-len(debData)%512)%512)...)
	if err := os.WriteFile(upgrade, padded, 0o644); err != nil {
		t.Fatal(err)
	}

	// qmp's own test binary (static), to start a VM through its
	// SystemdLauncher from inside vigil.service's sandbox.
	qmpTest := filepath.Join(dir, "qmp.test")
	build := exec.Command("go", "test", "-c", "-o", qmpTest, "../qmp")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go test -c ../qmp: %v\n%s", err, out)
	}
	qmpTestData, err := os.ReadFile(qmpTest)
	if err != nil {
		t.Fatal(err)
	}
	qmpDisk := filepath.Join(dir, "qmp-test.img")
	if err := os.WriteFile(qmpDisk, append(qmpTestData, make([]byte, (512-len(qmpTestData)%512)%512)...), 0o644); err != nil {
		t.Fatal(err)
	}

	v := boot(t, raw, false, map[string]string{"vigilseed": seed, "vigilupgrade": upgrade, "vigilqmptest": qmpDisk})
	_, ready := v.wait(readyLine, readyTimeout)
	t.Logf("UEFI: power-on to vigil.service READY (seen on the serial console): %s (goal 30 s under TCG)", ready.Round(100*time.Millisecond))
	m, _ := v.wait(bannerHead, cmdTimeout)
	if m[1] != "vigil-test" {
		t.Errorf("banner names host %q, want vigil-test from the seed", m[1])
	}
	m, at := v.wait(bannerLine, cmdTimeout)
	t.Logf("console banner at %s: vigil %s", at.Round(100*time.Millisecond), m[1])
	if !strings.HasPrefix(m[1], "running, standalone, healthy") {
		t.Errorf("banner: vigil %q, want running, standalone, healthy", m[1])
	}

	v.login(password)
	t.Logf("in the guest: systemd-analyze critical-chain vigil.service:\n%s", v.mustRun("systemd-analyze critical-chain --no-pager vigil.service; systemd-analyze --no-pager time; journalctl -b -o short-monotonic --no-pager -u vigil-firstboot"))
	st := v.status()
	if st.Host != "vigil-test" || st.Mode != "standalone" || len(st.Hosts) != 1 || st.Hosts[0].State != "healthy" {
		t.Errorf("vigil status --json in the guest: host %q mode %q hosts %+v", st.Host, st.Mode, st.Hosts)
	}
	if got := v.mustRun("stat -c '%n %a %U:%G' /etc/vigil/vigil.yaml /etc/vigil/bmc.pw"); !strings.Contains(got, "/etc/vigil/vigil.yaml 640 root:vigil") || !strings.Contains(got, "/etc/vigil/bmc.pw 600 root:root") {
		t.Errorf("seeded files:\n%s\nwant vigil.yaml 640 root:vigil and bmc.pw 600 root:root", got)
	}
	// The status banner may be redrawn on this console while a command
	// runs (networkd configures the port after the agent is up): answers
	// come on one marked line.
	if got := markedFields(v.mustRun("echo HOSTNAME: $(hostname)"), "HOSTNAME:"); len(got) != 1 || got[0] != "vigil-test" {
		t.Errorf("hostname %q, want vigil-test", got)
	}
	if out, rc := v.run("echo STATE: $(systemctl is-system-running --wait)"); !slices.Equal(markedFields(out, "STATE:"), []string{"running"}) {
		failed, _ := v.run("systemctl --failed --no-legend; journalctl -b -p warning --no-pager | tail -n 40")
		t.Errorf("systemctl is-system-running: %q (exit %d)\n%s", strings.TrimSpace(out), rc, failed)
	}

	// The sandbox under the real systemd: rated as offline, the two
	// devices bound into its private /dev and no disk there. The sandbox
	// binds the devices present when the unit starts, and a standalone
	// agent (this one) starts without waiting for udev's coldplug (only
	// a clustered one feeds the watchdog): restarted once udev is done.
	online := v.mustRun("systemd-analyze security --no-pager vigil.service | tail -n 1")
	t.Logf("in the guest: %s", strings.TrimSpace(online))
	devs := v.mustRun("udevadm settle && systemctl restart vigil.service && nsenter -t $(systemctl show -P MainPID vigil.service) -m sh -c 'ls -1 /dev /dev/net'")
	for _, want := range []string{"watchdog", "tun", "null"} {
		if !regexp.MustCompile(`(?m)^` + want + `$`).MatchString(devs) {
			t.Errorf("the agent's /dev lacks %s:\n%s", want, devs)
		}
	}
	if regexp.MustCompile(`(?m)^vd[a-z]$`).MatchString(devs) {
		t.Errorf("the agent's /dev shows disks (PrivateDevices=yes not in force):\n%s", devs)
	}

	// What the agent does in cluster mode, done inside its own sandbox:
	// a runtime drop-in's ExecStartPre= lines run with the unit's
	// confinement. netfabric builds a VLAN-filtering bridge and a VM tap
	// (netlink, /dev/net/tun, CAP_NET_ADMIN, no setns), and the watchdog
	// is opened and closed with the magic 'V' (which disarms it again).
	v.mustRun(`printf 'version: 1\nbridges:\n  - name: vbr0\n    vlan_filtering: true\ntaps:\n  - name: vm1-0\n    vm: vm1\n    bridge: vbr0\n    vlan: 100\n    mac: "52:54:00:00:00:01"\n' >/run/vigil-fabric.yaml`)
	v.mustRun(`mkdir -p /run/systemd/system/vigil.service.d && printf '[Service]\nExecStartPre=/usr/bin/vigil net apply -f /run/vigil-fabric.yaml\nExecStartPre=/bin/sh -c "printf V | dd of=/dev/watchdog conv=nocreat,notrunc status=none"\n' >/run/systemd/system/vigil.service.d/sandbox-check.conf && systemctl daemon-reload`)
	if out, rc := v.run("systemctl restart vigil.service && ip -brief link show vm1-0 && ip -d link show vm1-0 | grep -o 'master vbr0'"); rc != 0 || !strings.Contains(out, "master vbr0") {
		journal, _ := v.run("journalctl -b -u vigil.service -n 30 --no-pager")
		t.Errorf("netfabric and the watchdog inside vigil.service's sandbox: exit %d\n%s\n%s", rc, out, journal)
	}
	v.mustRun("rm -r /run/systemd/system/vigil.service.d && systemctl daemon-reload && ip link del vm1-0 && ip link del vbr0 && systemctl restart vigil.service")

	body := v.metrics(cmdTimeout)
	if !strings.Contains(body, "node_exporter_build_info") {
		t.Errorf("node_exporter's /metrics lacks node_exporter_build_info")
	}

	// Upgrade with a VM's unit running in machine.slice: the agent
	// restarts, the VM does not notice.
	v.mustRun("systemd-run --quiet --unit=vigil-test-vm --slice=machine.slice sleep infinity")
	before := v.mustRun("echo PIDS: $(systemctl show -P MainPID vigil.service vigil-test-vm.service)")
	v.mustRun(fmt.Sprintf("head -c %d /dev/disk/by-id/virtio-vigilupgrade >/tmp/upgrade.deb && dpkg -i /tmp/upgrade.deb >/dev/null", len(debData)))
	// The agent's restart redraws the status banner on this same console,
	// so the answer comes on one marked line.
	after := v.mustRun("echo UPGRADE: $(systemctl show -P MainPID vigil.service vigil-test-vm.service; systemctl is-active vigil.service vigil-test-vm.service; dpkg-query -W -f='${Version}\\n' vigil)")
	b, a := markedFields(before, "PIDS:"), markedFields(after, "UPGRADE:")
	if len(b) != 2 || len(a) != 5 {
		t.Fatalf("after the upgrade: before %q after %q", before, after)
	}
	if a[0] == b[0] || a[0] == "0" {
		t.Errorf("vigil.service MainPID %s -> %s: want the agent restarted by the upgrade", b[0], a[0])
	}
	if a[1] != b[1] || a[3] != "active" {
		t.Errorf("the VM's unit: MainPID %s -> %s, %s: want it untouched by the upgrade", b[1], a[1], a[3])
	}
	if a[2] != "active" || a[4] != d.version1+"+upgrade1" {
		t.Errorf("after the upgrade: vigil.service %s, version %s; want active, %s", a[2], a[4], d.version1+"+upgrade1")
	}
	if st := v.status(); st.Host != "vigil-test" {
		t.Errorf("vigil status after the upgrade: host %q", st.Host)
	}

	// A VM's QEMU in a transient unit in machine.slice, started over D-Bus
	// from inside vigil.service's sandbox (a runtime drop-in's
	// ExecStartPre= runs qmp's TestSystemdUnit there); the agent's unit
	// restarts and the next run adopts the QEMU that kept running.
	v.mustRun(fmt.Sprintf("head -c %d /dev/disk/by-id/virtio-vigilqmptest >/usr/local/sbin/vigil-qmp.test && chmod 755 /usr/local/sbin/vigil-qmp.test", len(qmpTestData)))
	dropIn := func(phase string) string {
		return fmt.Sprintf(`mkdir -p /run/systemd/system/vigil.service.d && printf '[Service]\nEnvironment=VIGIL_QMP_SYSTEMD_PHASE=%s VIGIL_QMP_SYSTEMD_DIR=/run/vigil/vms/unit-test\nExecStartPre=/usr/local/sbin/vigil-qmp.test -test.run ^TestSystemdUnit -test.v\n' >/run/systemd/system/vigil.service.d/qmp-unit.conf && systemctl daemon-reload`, phase)
	}
	v.mustRun(dropIn("start"))
	if out, rc := v.run("systemctl restart vigil.service"); rc != 0 {
		journal, _ := v.run("journalctl -b -u vigil.service -n 40 --no-pager")
		t.Fatalf("vigil.service with a VM started from its sandbox: exit %d\n%s\n%s", rc, out, journal)
	}
	first := markedFields(v.mustRun("echo VMUNIT: $(systemctl show -P MainPID vigil-vm-unit-test.service; systemctl is-active vigil-vm-unit-test.service)"), "VMUNIT:")
	cgroup, rc := v.run("cat /proc/$(systemctl show -P MainPID vigil-vm-unit-test.service)/cgroup")
	if rc != 0 || len(first) != 2 || first[1] != "active" {
		journal, _ := v.run("journalctl -b --no-pager -o cat -u vigil.service | grep -B2 -A12 TestSystemdUnit | tail -n 40; journalctl -b --no-pager -o short-monotonic -u vigil-vm-unit-test.service | tail -n 20; tail -n 20 /run/vigil/vms/unit-test/qemu.log")
		t.Fatalf("the VM's unit after vigil.service started it: %v\n%s", first, journal)
	}
	t.Logf("in the guest: the VM's unit: %v, cgroup %s", first, strings.TrimSpace(cgroup))
	if !strings.Contains(cgroup, "/machine.slice/vigil-vm-unit-test.service") {
		t.Errorf("the VM's QEMU is in cgroup %q, want machine.slice/vigil-vm-unit-test.service", cgroup)
	}
	v.mustRun(dropIn("adopt"))
	if out, rc := v.run("systemctl restart vigil.service"); rc != 0 {
		journal, _ := v.run("journalctl -b -u vigil.service -n 40 --no-pager")
		t.Errorf("vigil.service adopting the VM after its restart: exit %d\n%s\n%s", rc, out, journal)
	}
	second := markedFields(v.mustRun("echo VMUNIT: $(systemctl show -P MainPID vigil-vm-unit-test.service; systemctl is-active vigil-vm-unit-test.service)"), "VMUNIT:")
	if len(first) != 2 || len(second) != 2 || first[1] != "active" || second[0] != first[0] || second[1] != "active" {
		t.Errorf("the VM's unit (MainPID, state) %v before the agent's restart, %v after: want it untouched", first, second)
	}
	passes := v.mustRun("journalctl -b -u vigil.service --no-pager -o cat | grep -c -- '--- PASS: TestSystemdUnit' || true")
	if n, _ := strconv.Atoi(strings.TrimSpace(passes)); n < 2 {
		journal, _ := v.run("journalctl -b -u vigil.service --no-pager -o cat | grep -A3 TestSystemdUnit | tail -n 30")
		t.Errorf("TestSystemdUnit passed %d times in vigil.service's sandbox, want 2 (start, adopt):\n%s", n, journal)
	}
	v.mustRun("rm -r /run/systemd/system/vigil.service.d && systemctl daemon-reload && systemctl stop vigil-vm-unit-test.service")
}

// TestImageBootsWithoutSeed boots the image without a seed (direct kernel
// boot, the kernel, initrd and command line taken from its ESP): the host
// names itself after its machine id and runs standalone with the default
// config, and the console banner says so.
func TestImageBootsWithoutSeed(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and boots the OS image under TCG")
	}
	testenv.NeedsCommand(t, "mtype", "mcopy")
	raw, _ := buildImage(t)
	v := boot(t, raw, true, nil)
	_, ready := v.wait(readyLine, readyTimeout)
	t.Logf("direct kernel boot: power-on to vigil.service READY: %s", ready.Round(100*time.Millisecond))
	m, _ := v.wait(bannerHead, cmdTimeout)
	if !regexp.MustCompile(`^vigil-[0-9a-f]{8}$`).MatchString(m[1]) {
		t.Errorf("banner names host %q, want vigil-<machine id>", m[1])
	}
	m, _ = v.wait(bannerLine, cmdTimeout)
	if !strings.HasPrefix(m[1], "running, standalone, healthy") {
		t.Errorf("banner: vigil %q, want running, standalone, healthy", m[1])
	}
}

// allocated is the space a sparse file takes on disk.
func allocated(t *testing.T, path string) int64 {
	t.Helper()
	out := run(t, nil, "du", "--block-size=1", path)
	n, err := strconv.ParseInt(strings.Fields(out)[0], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// markedFields returns the fields after marker on the console output's
// last line that starts with it (the status banner may be drawn around it).
func markedFields(out, marker string) []string {
	var fields []string
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, marker); ok {
			fields = strings.Fields(rest)
		}
	}
	return fields
}
