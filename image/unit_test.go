package image

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/agent/config"
	"github.com/vigil-ha/vigil/agent/localapi"
	"github.com/vigil-ha/vigil/internal/testenv"
)

const unitFile = "vigil.service"

// maxExposure is the highest `systemd-analyze security` rating the unit may
// get (issue 13).
const maxExposure = 3.0

// notHardening are the [Service] keys that run the agent rather than confine
// it; every other key in [Service] is hardening and must carry a comment.
var notHardening = []string{"Type", "ExecStart", "WatchdogSec", "Restart", "RestartSec", "TimeoutStopSec"}

// directive is one Key=Value line of a unit file.
type directive struct {
	section, key, value string
	line                int
	// comment is the comment block directly above the line (without the
	// leading "#"), empty when the line above is not a comment.
	comment []string
}

// parseUnit reads a unit file's directives, in order. It knows only what
// this unit uses: no line continuations, no quoting.
func parseUnit(t *testing.T, path string) []directive {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []directive
	var section string
	var comment []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
			comment = nil
		case strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";"):
			comment = append(comment, strings.TrimSpace(strings.TrimLeft(line, "#;")))
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section, comment = line[1:len(line)-1], nil
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				t.Fatalf("%s:%d: not Key=Value: %q", path, n, line)
			}
			if strings.HasSuffix(line, `\`) {
				t.Fatalf("%s:%d: line continuations are not supported by this test", path, n)
			}
			out = append(out, directive{section: section, key: strings.TrimSpace(k), value: strings.TrimSpace(v), line: n, comment: comment})
			comment = nil
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// values returns every value of section.key, in order.
func values(ds []directive, section, key string) []string {
	var out []string
	for _, d := range ds {
		if d.section == section && d.key == key {
			out = append(out, d.value)
		}
	}
	return out
}

// words returns the space-separated words of every value of section.key.
func words(ds []directive, section, key string) []string {
	var out []string
	for _, v := range values(ds, section, key) {
		out = append(out, strings.Fields(v)...)
	}
	return out
}

// uncommented returns the hardening lines of a unit (every [Service] key
// but notHardening) without a comment of at least three words directly
// above them, and how many hardening lines there are.
func uncommented(ds []directive) (bare []directive, hardening int) {
	for _, d := range ds {
		if d.section != "Service" || slices.Contains(notHardening, d.key) {
			continue
		}
		hardening++
		if len(strings.Fields(strings.Join(d.comment, " "))) < 3 {
			bare = append(bare, d)
		}
	}
	return bare, hardening
}

func TestUnitHardeningLinesAreCommented(t *testing.T) {
	bare, hardening := uncommented(parseUnit(t, unitFile))
	for _, d := range bare {
		t.Errorf("%s:%d: %s=%s: want a comment directly above saying why it is there, got %q", unitFile, d.line, d.key, d.value, strings.Join(d.comment, " "))
	}
	if hardening < 20 {
		t.Errorf("%s has %d hardening lines; the test expects the full set (at least 20)", unitFile, hardening)
	}
}

// TestUnitCommentCheckCatchesBareLines runs the comment rule on a unit with
// a bare hardening line, one that leans on its neighbour's comment and one
// with a comment too short to say why.
func TestUnitCommentCheckCatchesBareLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.service")
	unit := "[Service]\nType=notify\n# why this one is here\nProtectHome=yes\nPrivateTmp=yes\n\nNoNewPrivileges=yes\n# needed\nUMask=0077\n"
	if err := os.WriteFile(path, []byte(unit), 0o644); err != nil {
		t.Fatal(err)
	}
	bare, hardening := uncommented(parseUnit(t, path))
	var keys []string
	for _, d := range bare {
		keys = append(keys, d.key)
	}
	if want := []string{"PrivateTmp", "NoNewPrivileges", "UMask"}; !slices.Equal(keys, want) || hardening != 4 {
		t.Errorf("uncommented(...) = %v of %d hardening lines, want %v of 4", keys, hardening, want)
	}
}

// TestUnitMatchesTheAgent checks the unit against what the agent does: its
// notify protocol, its config's default paths, and what it needs from the
// host (issue 13 and DESIGN.md).
func TestUnitMatchesTheAgent(t *testing.T) {
	ds := parseUnit(t, unitFile)
	one := func(section, key string) string {
		t.Helper()
		v := values(ds, section, key)
		if len(v) != 1 {
			t.Errorf("%s: want one %s= in [%s], got %q", unitFile, key, section, v)
			return ""
		}
		return v[0]
	}
	for key, want := range map[string]string{"Type": "notify", "NotifyAccess": "main", "Restart": "on-failure", "KillMode": ""} {
		if want == "" {
			// KillMode=control-group (the default) stops every process of
			// the agent; VMs are never among them.
			if v := values(ds, "Service", key); len(v) != 0 {
				t.Errorf("%s: %s=%q set; the default control-group is the right one", unitFile, key, v)
			}
			continue
		}
		if got := one("Service", key); got != want {
			t.Errorf("%s: %s=%q, want %q", unitFile, key, got, want)
		}
	}
	if wd, err := time.ParseDuration(one("Service", "WatchdogSec")); err != nil || wd < 10*time.Second {
		t.Errorf("%s: WatchdogSec=%q: want a duration of 10s or more (the agent kicks every half of it) (%v)", unitFile, one("Service", "WatchdogSec"), err)
	}

	exec := strings.Fields(one("Service", "ExecStart"))
	if want := []string{"/usr/bin/vigil", "agent", "--config", config.DefaultPath}; !slices.Equal(exec, want) {
		t.Errorf("%s: ExecStart=%q, want %q", unitFile, exec, want)
	}
	if got := one("Unit", "ConditionPathExists"); got != config.DefaultPath {
		t.Errorf("%s: ConditionPathExists=%q, want the default config %s (enabled but idle without one)", unitFile, got, config.DefaultPath)
	}

	// Every directory the agent writes with its default config is writable.
	writable := words(ds, "Service", "ReadWritePaths")
	for _, sd := range words(ds, "Service", "StateDirectory") {
		writable = append(writable, "/var/lib/"+sd)
	}
	for what, dir := range map[string]string{
		"state_dir":       config.DefaultStateDir,
		"socket's folder": filepath.Dir(config.DefaultSocket),
		"vms.run_dir":     config.DefaultRunDir,
	} {
		if !under(dir, writable) {
			t.Errorf("%s: %s %s is not writable under ProtectSystem=strict (writable: %q)", unitFile, what, dir, writable)
		}
	}

	caps := words(ds, "Service", "CapabilityBoundingSet")
	for _, c := range []string{"CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_CHOWN"} {
		if !slices.Contains(caps, c) {
			t.Errorf("%s: CapabilityBoundingSet lacks %s", unitFile, c)
		}
	}
	for _, c := range caps {
		if c == "CAP_SYS_ADMIN" || strings.HasPrefix(c, "~") {
			t.Errorf("%s: CapabilityBoundingSet has %s; want an allow list without CAP_SYS_ADMIN", unitFile, c)
		}
	}
	fams := words(ds, "Service", "RestrictAddressFamilies")
	for _, f := range []string{"AF_UNIX", "AF_NETLINK", "AF_INET", "AF_INET6"} {
		if !slices.Contains(fams, f) {
			t.Errorf("%s: RestrictAddressFamilies lacks %s", unitFile, f)
		}
	}
	binds := words(ds, "Service", "BindPaths")
	allowed := values(ds, "Service", "DeviceAllow")
	for _, dev := range []string{config.DefaultWatchdogDev, "/dev/net/tun"} {
		if !slices.Contains(binds, dev) && !slices.Contains(binds, "-"+dev) {
			t.Errorf("%s: %s is not bound into the private /dev (BindPaths=%q)", unitFile, dev, binds)
		}
		if !slices.Contains(allowed, dev+" rw") {
			t.Errorf("%s: DeviceAllow lacks %q (have %q)", unitFile, dev+" rw", allowed)
		}
	}
	// The runtime directory comes from tmpfiles, so a restart keeps the
	// VMs' QMP sockets.
	if v := values(ds, "Service", "RuntimeDirectory"); len(v) != 0 {
		t.Errorf("%s: RuntimeDirectory=%q would remove the VMs' sockets when the agent stops; tmpfiles makes /run/vigil", unitFile, v)
	}
}

// under reports whether dir is one of roots or below one.
func under(dir string, roots []string) bool {
	for _, r := range roots {
		r = strings.TrimPrefix(r, "-")
		if dir == r || strings.HasPrefix(dir, r+"/") {
			return true
		}
	}
	return false
}

// unitRoot makes a root directory for `systemd-analyze --root`: this
// machine's system units, the unit where the package puts it, and an
// executable at /usr/bin/vigil (verify checks ExecStart's program).
func unitRoot(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	sys := filepath.Join(root, "usr/lib/systemd/system")
	if err := os.MkdirAll(filepath.Dir(sys), 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("cp", "-a", "/usr/lib/systemd/system", sys).CombinedOutput(); err != nil {
		t.Fatalf("copy the system units: %v\n%s", err, out)
	}
	for _, l := range []struct{ name, target string }{{"lib", "usr/lib"}, {"bin", "usr/bin"}, {"sbin", "usr/sbin"}} {
		if err := os.Symlink(l.target, filepath.Join(root, l.name)); err != nil {
			t.Fatal(err)
		}
	}
	unit, err := os.ReadFile(unitFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sys, unitFile), unit, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "usr/bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "usr/bin/vigil"), []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return root
}

func needsSystemdAnalyze(t *testing.T) {
	t.Helper()
	testenv.NeedsCommand(t, "systemd-analyze")
	if _, err := os.Stat("/usr/lib/systemd/system/sysinit.target"); err != nil {
		testenv.Unavailable(t, "systemd's units are not installed (test/deps.sh installs systemd): %v", err)
	}
}

func TestUnitVerify(t *testing.T) {
	needsSystemdAnalyze(t)
	root := unitRoot(t)
	cmd := exec.Command("systemd-analyze", "verify", "--root="+root, "/usr/lib/systemd/system/"+unitFile)
	out, err := cmd.CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("systemd-analyze verify %s: %v\n%s", unitFile, err, out)
	}
}

// TestUnitVerifyCatchesMistakes shows the verify check is not blind: an
// unknown key and a bad value in a copy of the unit both produce output.
func TestUnitVerifyCatchesMistakes(t *testing.T) {
	needsSystemdAnalyze(t)
	root := unitRoot(t)
	path := filepath.Join(root, "usr/lib/systemd/system", unitFile)
	unit, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(unit), "ProtectSystem=strict", "ProtectSystem=strickt\nProtectSystm=strict", 1)
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command("systemd-analyze", "verify", "--root="+root, "/usr/lib/systemd/system/"+unitFile).CombinedOutput()
	for _, want := range []string{"ProtectSystm", "strickt"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("systemd-analyze verify of a broken unit did not mention %q:\n%s", want, out)
		}
	}
}

var exposureLine = regexp.MustCompile(`Overall exposure level for \S+: ([0-9.]+)`)

// exposure rates a unit file with `systemd-analyze security --offline=yes`.
func exposure(t *testing.T, path string) (float64, string) {
	t.Helper()
	// --offline wants a path; systemd-analyze prints colours only to a
	// terminal.
	out, err := exec.Command("systemd-analyze", "security", "--offline=yes", "--no-pager", path).CombinedOutput()
	m := exposureLine.FindSubmatch(out)
	if m == nil {
		t.Fatalf("systemd-analyze security %s: %v: no exposure level in:\n%s", path, err, out)
	}
	v, perr := strconv.ParseFloat(string(m[1]), 64)
	if perr != nil {
		t.Fatal(perr)
	}
	return v, string(out)
}

func TestUnitSecurityExposure(t *testing.T) {
	needsSystemdAnalyze(t)
	abs, err := filepath.Abs(unitFile)
	if err != nil {
		t.Fatal(err)
	}
	got, report := exposure(t, abs)
	t.Logf("systemd-analyze security --offline=yes %s: exposure %.1f", unitFile, got)
	if got > maxExposure {
		t.Errorf("exposure of %s = %.1f, want %.1f or better:\n%s", unitFile, got, maxExposure, report)
	}
	// The same rating of the unit without its hardening lines must fail
	// the bound, or the check proves nothing.
	ds := parseUnit(t, unitFile)
	var bare strings.Builder
	section := ""
	for _, d := range ds {
		if d.section == "Service" && !slices.Contains(notHardening, d.key) {
			continue
		}
		if d.section != section {
			section = d.section
			fmt.Fprintf(&bare, "[%s]\n", section)
		}
		fmt.Fprintf(&bare, "%s=%s\n", d.key, d.value)
	}
	path := filepath.Join(t.TempDir(), unitFile)
	if err := os.WriteFile(path, []byte(bare.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, _ := exposure(t, path); b <= maxExposure {
		t.Errorf("the unit without hardening rates %.1f, within the bound %.1f: the check cannot fail", b, maxExposure)
	}
}

// TestTmpfilesAndSysusers applies the snippets to an empty root with
// systemd's own tools: the group the local API admits writers from, and
// the directories the unit and the agent's defaults expect.
func TestTmpfilesAndSysusers(t *testing.T) {
	testenv.NeedsCommand(t, "systemd-tmpfiles", "systemd-sysusers")
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "etc"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range [][]string{
		{"systemd-sysusers", "--root=" + root, mustAbs(t, "sysusers.d/vigil.conf")},
		{"systemd-tmpfiles", "--root=" + root, "--create", mustAbs(t, "tmpfiles.d/vigil.conf")},
	} {
		if out, err := exec.Command(c[0], c[1:]...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(c, " "), err, out)
		}
	}
	group, err := os.ReadFile(filepath.Join(root, "etc/group"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^` + localapi.Group + `:x:[0-9]+:$`).Match(group) {
		t.Errorf("systemd-sysusers made no group %s:\n%s", localapi.Group, group)
	}
	for dir, mode := range map[string]os.FileMode{
		filepath.Dir(config.DefaultSocket): 0o755, // readers reach the 0660 socket
		config.DefaultRunDir:               0o700,
		config.DefaultStateDir:             0o700,
	} {
		fi, err := os.Stat(filepath.Join(root, dir))
		if err != nil {
			t.Errorf("tmpfiles did not make %s: %v", dir, err)
			continue
		}
		if !fi.IsDir() || fi.Mode().Perm() != mode {
			t.Errorf("%s: mode %v, want a directory with %v", dir, fi.Mode(), mode)
		}
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
