package image

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/vigil-ha/vigil/agent/config"
)

// TestFirstboot runs the image's first-boot script (os/usr/lib/vigil/
// firstboot) in a Debian 12 chroot with vigil's package installed, on the
// seeds it reads: a VIGILSEED disk's files, a cloud-init NoCloud seed, a
// hostname file, and none at all. The boot test covers the same script
// end to end with a real seed disk.
func TestFirstboot(t *testing.T) {
	d := buildDebs(t)
	const machineID = "0123456789abcdef0123456789abcdef"
	cases := []struct {
		name     string
		seed     map[string]string // nil: no seed at all
		wantHost string
		check    func(t *testing.T, c *chroot)
	}{
		{
			name: "vigilseed",
			seed: map[string]string{
				"vigil.yaml":         "version: 1\nhost: h7\n",
				"bmc.pw":             "secret\n",
				"ca.pem":             "-----BEGIN CERTIFICATE-----\n",
				"h7.key":             "-----BEGIN PRIVATE KEY-----\n",
				"10-mgmt.network":    "[Match]\nName=eno1\n",
				"root-password-hash": "$6$salt$hash\n",
			},
			wantHost: "h7",
			check: func(t *testing.T, c *chroot) {
				c.wantFile(t, "etc/vigil/bmc.pw", 0o600, "root", "secret\n")
				c.wantFile(t, "etc/vigil/h7.key", 0o600, "root", "-----BEGIN PRIVATE KEY-----\n")
				c.wantFile(t, "etc/vigil/ca.pem", 0o644, "root", "-----BEGIN CERTIFICATE-----\n")
				c.wantFile(t, "etc/systemd/network/10-mgmt.network", 0o644, "root", "[Match]\nName=eno1\n")
				if shadow := c.read(t, "etc/shadow"); !strings.Contains(shadow, "root:$6$salt$hash:") {
					t.Errorf("root's password hash not set from the seed:\n%s", shadow)
				}
				if c.exists("etc/vigil/root-password-hash") {
					t.Errorf("the password hash was copied to /etc/vigil")
				}
			},
		},
		{
			name: "nocloud",
			seed: map[string]string{
				"meta-data":  "instance-id: i-1\nlocal-hostname: edge-3\n",
				"user-data":  "#cloud-config\n",
				"vigil.yaml": "version: 1\nhost: h1\n",
			},
			wantHost: "edge-3",
			check: func(t *testing.T, c *chroot) {
				for _, f := range []string{"meta-data", "user-data"} {
					if c.exists("etc/vigil/" + f) {
						t.Errorf("NoCloud's %s was copied to /etc/vigil", f)
					}
				}
			},
		},
		{
			name:     "hostname file",
			seed:     map[string]string{"hostname": "rack2-n5\n", "vigil.yaml": "version: 1\nhost: h1\n"},
			wantHost: "rack2-n5",
		},
		{
			name:     "no seed",
			wantHost: "vigil-01234567",
			check: func(t *testing.T, c *chroot) {
				data := c.read(t, "etc/vigil/vigil.yaml")
				cfg, err := config.Parse("vigil.yaml", []byte(data))
				if err != nil {
					t.Fatalf("the default config does not parse: %v\n%s", err, data)
				}
				if cfg.Host != "vigil-01234567" || cfg.Cluster != nil || cfg.BMC != nil {
					t.Errorf("default config: host %q cluster %v bmc %v, want a standalone vigil-01234567", cfg.Host, cfg.Cluster, cfg.BMC)
				}
			},
		},
	}
	script, err := os.ReadFile("os/usr/lib/vigil/firstboot")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newChroot(t)
			c.install(d.v1)
			if err := os.MkdirAll(c.path("usr/lib/vigil"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(c.path("usr/lib/vigil/firstboot"), script, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(c.path("etc/machine-id"), []byte(machineID+"\n"), 0o444); err != nil {
				t.Fatal(err)
			}
			args := []string{"/usr/lib/vigil/firstboot"}
			if tc.seed != nil {
				if err := os.Mkdir(c.path("seed"), 0o755); err != nil {
					t.Fatal(err)
				}
				for name, content := range tc.seed {
					if err := os.WriteFile(c.path("seed/"+name), []byte(content), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				args = append([]string{"env", "VIGIL_SEED_DIR=/seed"}, args...)
			}
			out := c.run(args...)
			t.Logf("firstboot:\n%s", out)
			if got := strings.TrimSpace(c.read(t, "etc/hostname")); got != tc.wantHost {
				t.Errorf("/etc/hostname %q, want %q", got, tc.wantHost)
			}
			if hosts := c.read(t, "etc/hosts"); !regexp.MustCompile(`(?m)^127\.0\.1\.1\s+` + regexp.QuoteMeta(tc.wantHost) + `$`).MatchString(hosts) {
				t.Errorf("/etc/hosts lacks 127.0.1.1 %s:\n%s", tc.wantHost, hosts)
			}
			want := ""
			if tc.seed != nil {
				want = tc.seed["vigil.yaml"]
			}
			c.wantFile(t, "etc/vigil/vigil.yaml", 0o640, "vigil", want)
			if tc.check != nil {
				tc.check(t, c)
			}
		})
	}
}

func (c *chroot) read(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(c.path(p))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// wantFile checks a file's mode, group (by name, in the chroot's
// /etc/group) and, unless want is empty, its content.
func (c *chroot) wantFile(t *testing.T, p string, mode os.FileMode, group, want string) {
	t.Helper()
	fi, err := os.Stat(c.path(p))
	if err != nil {
		t.Errorf("/%s: %v", p, err)
		return
	}
	if fi.Mode().Perm() != mode {
		t.Errorf("/%s: mode %04o, want %04o", p, fi.Mode().Perm(), mode)
	}
	gid := fi.Sys().(*syscall.Stat_t).Gid
	if got := c.groupName(t, gid); got != group {
		t.Errorf("/%s: group %s, want %s", p, got, group)
	}
	if want != "" {
		if got := c.read(t, p); got != want {
			t.Errorf("/%s = %q, want %q", p, got, want)
		}
	}
}

func (c *chroot) groupName(t *testing.T, gid uint32) string {
	t.Helper()
	for _, l := range strings.Split(c.read(t, "etc/group"), "\n") {
		f := strings.Split(l, ":")
		if len(f) >= 3 && f[2] == strconv.FormatUint(uint64(gid), 10) {
			return f[0]
		}
	}
	return filepath.Join("gid", strconv.FormatUint(uint64(gid), 10))
}
