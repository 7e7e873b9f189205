package image

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/internal/testenv"
)

func TestExampleConfigParses(t *testing.T) {
	data, err := os.ReadFile("vigil.yaml.example")
	if err != nil {
		t.Fatal(err)
	}
	c, err := config.Parse("vigil.yaml.example", data)
	if err != nil {
		t.Fatalf("config.Parse(vigil.yaml.example): %v", err)
	}
	if c.Cluster != nil {
		t.Errorf("the example is a standalone host; cluster: belongs in comments")
	}
}

// run runs a command and returns its combined output, failing t on error.
func run(t *testing.T, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// debs are the packages the tests share: one built from this tree and the
// same payload under a higher version, to upgrade to.
type debs struct {
	v1, v2   string
	version1 string
}

var (
	debOnce  sync.Once
	debBuilt debs
	debErr   string
)

// buildDebs builds the package once per test binary with image/deb.sh, as
// `make deb` does.
func buildDebs(t *testing.T) debs {
	t.Helper()
	testenv.NeedsCommand(t, "dpkg-deb", "go")
	debOnce.Do(func() {
		dir, err := os.MkdirTemp("", "vigil-deb-")
		if err != nil {
			debErr = err.Error()
			return
		}
		// Removed with the test binary's last test: see TestMain.
		debDirs = append(debDirs, dir)
		build := func(env ...string) (string, bool) {
			cmd := exec.Command("bash", "deb.sh", dir)
			cmd.Env = append(os.Environ(), env...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				debErr = "image/deb.sh: " + err.Error() + "\n" + stderr.String()
				return "", false
			}
			return strings.TrimSpace(string(out)), true
		}
		v1, ok := build()
		if !ok {
			return
		}
		// The upgrade: the same binary, a higher version.
		bin := filepath.Join(dir, "vigil")
		if out, err := exec.Command("sh", "-c", "dpkg-deb --fsys-tarfile \"$0\" | tar -xO ./usr/bin/vigil >\"$1\" && chmod 755 \"$1\"", v1, bin).CombinedOutput(); err != nil {
			debErr = "extract the binary: " + err.Error() + "\n" + string(out)
			return
		}
		version1 := debField(v1, "Version")
		v2, ok := build("VIGIL_BIN="+bin, "VIGIL_DEB_VERSION="+version1+"+upgrade1")
		if !ok {
			return
		}
		debBuilt = debs{v1: v1, v2: v2, version1: version1}
	})
	if debErr != "" {
		t.Fatal(debErr)
	}
	return debBuilt
}

var debDirs []string

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range debDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

func debField(deb, field string) string {
	out, err := exec.Command("dpkg-deb", "--field", deb, field).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func TestDebContents(t *testing.T) {
	d := buildDebs(t)
	if want := "vigil_" + d.version1 + "_amd64.deb"; filepath.Base(d.v1) != want {
		t.Errorf("package file %s, want %s", filepath.Base(d.v1), want)
	}
	t.Logf("%s: %d bytes", filepath.Base(d.v1), fileSize(t, d.v1))
	if !strings.HasPrefix(d.version1, "0.0.0~git") {
		t.Errorf("Version %q: want 0.0.0~git<time>.<commit> from this tree", d.version1)
	}
	for field, want := range map[string]string{"Package": "vigil", "Architecture": "amd64"} {
		if got := debField(d.v1, field); got != want {
			t.Errorf("%s: %s, want %s", field, got, want)
		}
	}

	// Every file, with its mode.
	listing := run(t, nil, "dpkg-deb", "--contents", d.v1)
	modes := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(listing), "\n") {
		f := strings.Fields(line)
		modes[strings.TrimPrefix(f[len(f)-1], ".")] = f[0]
	}
	for path, mode := range map[string]string{
		"/usr/bin/vigil":                    "-rwxr-xr-x",
		"/lib/systemd/system/vigil.service": "-rw-r--r--",
		"/usr/lib/sysusers.d/vigil.conf":    "-rw-r--r--",
		"/usr/lib/tmpfiles.d/vigil.conf":    "-rw-r--r--",
		"/etc/vigil/vigil.yaml.example":     "-rw-r-----",
		"/usr/share/doc/vigil/copyright":    "-rw-r--r--",
		"/usr/share/doc/vigil/changelog.gz": "-rw-r--r--",
		"/usr/share/man/man1/vigil.1.gz":    "-rw-r--r--",
	} {
		if got, ok := modes[path]; !ok {
			t.Errorf("%s is not in the package", path)
		} else if got != mode {
			t.Errorf("%s: mode %s, want %s", path, got, mode)
		}
	}
	if _, ok := modes[config.DefaultPath]; ok {
		t.Errorf("the package ships %s: the agent would start before anyone configured it", config.DefaultPath)
	}

	// The files are the tree's own.
	x := t.TempDir()
	run(t, nil, "dpkg-deb", "--extract", d.v1, x)
	for inPkg, src := range map[string]string{
		"lib/systemd/system/vigil.service": "vigil.service",
		"usr/lib/sysusers.d/vigil.conf":    "sysusers.d/vigil.conf",
		"usr/lib/tmpfiles.d/vigil.conf":    "tmpfiles.d/vigil.conf",
		"etc/vigil/vigil.yaml.example":     "vigil.yaml.example",
	} {
		a, err := os.ReadFile(filepath.Join(x, inPkg))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s in the package differs from image/%s", inPkg, src)
		}
	}
	if out := run(t, nil, "go", "version", "-m", filepath.Join(x, "usr/bin/vigil")); !strings.Contains(out, "CGO_ENABLED=0") || !strings.Contains(out, "-trimpath=true") {
		t.Errorf("usr/bin/vigil is not the static release build:\n%s", out)
	}
	if out := run(t, nil, "go", "version", "-m", filepath.Join(x, "usr/bin/vigil")); strings.Contains(out, "\ttesting") {
		t.Errorf("usr/bin/vigil links package testing")
	}
	conffiles := run(t, nil, "sh", "-c", "dpkg-deb --ctrl-tarfile \"$0\" | tar -xO ./conffiles", d.v1)
	if strings.TrimSpace(conffiles) != "/etc/vigil/vigil.yaml.example" {
		t.Errorf("conffiles = %q, want the example config only", conffiles)
	}
	copyright, err := os.ReadFile(filepath.Join(x, "usr/share/doc/vigil/copyright"))
	if err != nil {
		t.Fatal(err)
	}
	for _, mod := range []string{"go.etcd.io/bbolt", "github.com/vishvananda/netlink", "gopkg.in/yaml.v3", "vendor/std/*"} {
		if !bytes.Contains(copyright, []byte(mod)) {
			t.Errorf("copyright does not name %s, which the binary embeds", mod)
		}
	}
	changelog := run(t, nil, "sh", "-c", "zcat \"$0\" | head -n1", filepath.Join(x, "usr/share/doc/vigil/changelog.gz"))
	if !strings.HasPrefix(changelog, "vigil ("+d.version1+") ") {
		t.Errorf("changelog starts %q, want the package's version %s", changelog, d.version1)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

func TestDebLintian(t *testing.T) {
	testenv.NeedsCommand(t, "lintian")
	d := buildDebs(t)
	cmd := exec.Command("lintian", "--fail-on", "error", "--display-info", d.v1)
	out, err := cmd.CombinedOutput()
	t.Logf("lintian --fail-on error %s:\n%s", filepath.Base(d.v1), out)
	if err != nil {
		t.Errorf("lintian --fail-on error: %v", err)
	}
	// The overrides stay short: only what a static Go binary and the
	// 0640 example always trigger.
	overrides, err := os.ReadFile("deb/lintian-overrides")
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, l := range strings.Split(string(overrides), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			tags = append(tags, l)
		}
	}
	if len(tags) > 3 {
		t.Errorf("%d lintian overrides; keep the list short:\n%s", len(tags), strings.Join(tags, "\n"))
	}
}

// chroot is a Debian 12 root tree (mmdebstrap, minbase with systemd for its
// sysusers and tmpfiles tools) unpacked into a fresh directory.
type chroot struct {
	t   *testing.T
	dir string
}

// rootfsTarball returns the cached tarball image/rootfs.sh builds.
func rootfsTarball(t *testing.T, args ...string) string {
	t.Helper()
	testenv.NeedsRoot(t)
	testenv.NeedsCommand(t, "mmdebstrap", "tar", "chroot")
	cmd := exec.Command("bash", append([]string{"rootfs.sh"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("image/rootfs.sh %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Logf("image/rootfs.sh: %s", stderr.String())
	}
	return strings.TrimSpace(string(out))
}

func newChroot(t *testing.T) *chroot {
	t.Helper()
	tarball := rootfsTarball(t, "systemd")
	dir := t.TempDir()
	run(t, nil, "tar", "-xpf", tarball, "-C", dir)
	return &chroot{t: t, dir: dir}
}

// run runs a command inside the chroot, with /proc mounted as on a real
// host (systemd-tmpfiles needs it) in a mount namespace of its own that
// ends with it (and a UTS namespace: a hostname set there stays there), and
// returns its output.
func (c *chroot) run(args ...string) string {
	c.t.Helper()
	argv := append([]string{"--mount", "--uts", "--propagation", "private", "--fork", "chroot", c.dir,
		"sh", "-c", `mount -t proc proc /proc && exec "$@"`, "sh"}, args...)
	return run(c.t, []string{"PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL=C"}, "unshare", argv...)
}

func (c *chroot) path(p string) string { return filepath.Join(c.dir, p) }

func (c *chroot) exists(p string) bool {
	_, err := os.Lstat(c.path(p))
	return err == nil
}

func (c *chroot) mode(p string) os.FileMode {
	c.t.Helper()
	fi, err := os.Lstat(c.path(p))
	if err != nil {
		c.t.Fatal(err)
	}
	return fi.Mode()
}

func (c *chroot) install(deb string) string {
	c.t.Helper()
	data, err := os.ReadFile(deb)
	if err != nil {
		c.t.Fatal(err)
	}
	if err := os.WriteFile(c.path("tmp/vigil.deb"), data, 0o644); err != nil {
		c.t.Fatal(err)
	}
	return c.run("dpkg", "-i", "/tmp/vigil.deb")
}

// fakeSystemd makes the maintainer scripts see a running systemd
// (/run/systemd/system) and puts a systemctl in its place that records
// every call, says vigil.service is enabled and inactive, and does nothing
// else; offline calls (--root=, which deb-systemd-helper makes to enable
// a unit) go to the real systemctl. A chroot cannot run systemd itself; the image's boot test upgrades
// the package under the real one.
// With running false, /run/systemd/system is left out: an offline install
// (a chroot, an image build).
func (c *chroot) fakeSystemd(running bool) {
	c.t.Helper()
	if running {
		if err := os.MkdirAll(c.path("run/systemd/system"), 0o755); err != nil {
			c.t.Fatal(err)
		}
	}
	if err := os.Rename(c.path("usr/bin/systemctl"), c.path("usr/bin/systemctl.real")); err != nil {
		c.t.Fatal(err)
	}
	fake := `#!/bin/sh
echo "$*" >>/var/log/systemctl.calls
for a in "$@"; do
	case $a in --root=*) exec /usr/bin/systemctl.real "$@" ;; esac
done
for a in "$@"; do
	case $a in
	is-enabled) echo enabled; exit 0 ;;
	is-active) exit 3 ;;
	esac
done
exit 0
`
	if err := os.WriteFile(c.path("usr/bin/systemctl"), []byte(fake), 0o755); err != nil {
		c.t.Fatal(err)
	}
}

// calls returns the systemctl calls recorded since the last call of calls.
func (c *chroot) calls() []string {
	c.t.Helper()
	data, err := os.ReadFile(c.path("var/log/systemctl.calls"))
	if err != nil && !os.IsNotExist(err) {
		c.t.Fatal(err)
	}
	os.Remove(c.path("var/log/systemctl.calls"))
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// actions returns the calls that act on the running system: not the
// queries deb-systemd-invoke makes first, nor offline (--root=) calls.
func actions(calls []string) []string {
	var out []string
	for _, c := range calls {
		if !strings.Contains(c, "is-enabled") && !strings.Contains(c, "is-active") && !strings.Contains(c, "--root=") {
			out = append(out, c)
		}
	}
	return out
}

const wantsLink = "etc/systemd/system/multi-user.target.wants/vigil.service"

// TestDebInstallUpgradePurge installs, upgrades, removes and purges the
// package with dpkg in a Debian 12 chroot whose maintainer scripts see a
// running systemd: enabled but not started without a config, restarted
// (never stopped first) on upgrade once configured, an admin's disable
// kept, and the agent's state gone on purge while the admin's files stay.
func TestDebInstallUpgradePurge(t *testing.T) {
	d := buildDebs(t)
	c := newChroot(t)
	c.fakeSystemd(true)

	c.install(d.v1)
	if got := actions(c.calls()); !slices.Equal(got, []string{"--system daemon-reload"}) {
		t.Errorf("first install without a config: systemctl %q, want only daemon-reload (enabled, not started)", got)
	}
	if out := c.run("getent", "group", "vigil"); !strings.HasPrefix(out, "vigil:") {
		t.Errorf("group vigil: %q", out)
	}
	if target, err := os.Readlink(c.path(wantsLink)); err != nil || target != "/lib/systemd/system/vigil.service" {
		t.Errorf("%s -> %q (%v): want the unit enabled", wantsLink, target, err)
	}
	for p, mode := range map[string]os.FileMode{
		"var/lib/vigil":                os.ModeDir | 0o700,
		"run/vigil":                    os.ModeDir | 0o755,
		"run/vigil/vms":                os.ModeDir | 0o700,
		"etc/vigil/vigil.yaml.example": 0o640,
	} {
		if got := c.mode(p); got != mode {
			t.Errorf("/%s: mode %v, want %v", p, got, mode)
		}
	}
	if out := c.run("vigil", "version"); !strings.HasPrefix(out, "vigil ") {
		t.Errorf("vigil version in the chroot: %q", out)
	}

	// Configured, then upgraded: restarted, not stopped.
	if err := os.WriteFile(c.path("etc/vigil/vigil.yaml"), []byte("version: 1\nhost: h1\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	c.install(d.v2)
	got := actions(c.calls())
	if !slices.Contains(got, "--quiet --system restart vigil.service") {
		t.Errorf("upgrade with a config: systemctl %q, want a restart of vigil.service", got)
	}
	for _, call := range got {
		if call != "--system daemon-reload" && call != "--quiet --system restart vigil.service" {
			t.Errorf("upgrade: systemctl %s: only daemon-reload and the agent's restart may happen (VMs keep running)", call)
		}
	}
	if v := c.run("dpkg-query", "-W", "-f=${Version}", "vigil"); v != d.version1+"+upgrade1" {
		t.Errorf("installed version after the upgrade: %q", v)
	}

	// An admin's disable survives an upgrade.
	c.run("systemctl", "--root=/", "disable", "vigil.service")
	c.install(d.v1) // a downgrade runs the same scripts
	if c.exists(wantsLink) {
		t.Errorf("an upgrade enabled the unit the admin had disabled")
	}
	c.run("systemctl", "--root=/", "enable", "vigil.service")
	c.calls()

	c.run("dpkg", "--remove", "vigil")
	if got := actions(c.calls()); !slices.Contains(got, "stop vigil.service") {
		t.Errorf("remove: systemctl %q, want vigil.service stopped", got)
	}
	if c.exists("usr/bin/vigil") || !c.exists("etc/vigil/vigil.yaml.example") {
		t.Errorf("after remove: the binary must be gone and the conffile kept")
	}

	c.run("dpkg", "--purge", "vigil")
	for _, p := range []string{"var/lib/vigil", "etc/vigil/vigil.yaml.example", wantsLink, "etc/systemd/system/vigil.service"} {
		if c.exists(p) {
			t.Errorf("after purge: /%s is still there", p)
		}
	}
	if !c.exists("etc/vigil/vigil.yaml") {
		t.Errorf("purge removed the admin's /etc/vigil/vigil.yaml")
	}
}

// TestDebInstallStarts: a first install onto a configured host starts the
// agent; in a plain chroot (no systemd running) nothing calls systemctl.
func TestDebInstallStarts(t *testing.T) {
	d := buildDebs(t)
	t.Run("configured", func(t *testing.T) {
		c := newChroot(t)
		c.fakeSystemd(true)
		if err := os.MkdirAll(c.path("etc/vigil"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(c.path("etc/vigil/vigil.yaml"), []byte("version: 1\nhost: h1\n"), 0o640); err != nil {
			t.Fatal(err)
		}
		c.install(d.v1)
		if got := actions(c.calls()); !slices.Contains(got, "--quiet --system start vigil.service") {
			t.Errorf("first install with a config: systemctl %q, want vigil.service started", got)
		}
	})
	t.Run("no systemd", func(t *testing.T) {
		c := newChroot(t)
		c.fakeSystemd(false)
		c.install(d.v1)
		if got := actions(c.calls()); len(got) != 0 {
			t.Errorf("systemctl %q without a running systemd; want offline calls only", got)
		}
		if !c.exists(wantsLink) {
			t.Errorf("unit not enabled in an offline install")
		}
		c.run("dpkg", "--purge", "vigil")
	})
}
