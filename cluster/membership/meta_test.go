package membership

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"log/slog"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/memberlist"
)

var testBoot = BootID{0x8d, 0x3e, 0x8f, 0x2a, 0x6a, 0x4c, 0x4f, 0x7e, 0x9c, 0x1b, 0x2f, 0x5e, 0x0c, 0x7d, 0x9a, 0x11}

func TestMetaRoundTrip(t *testing.T) {
	for _, m := range []Meta{
		{},
		{BootID: testBoot, Incarnation: 7, WatchdogArmed: true, BMC: "ipmi://10.0.0.2:623", Leaving: true},
		{BootID: testBoot, Incarnation: 1<<64 - 1, BMC: "redfish+https://" + strings.Repeat("b", MaxBMCLen-16)},
	} {
		b, err := m.Encode()
		if err != nil {
			t.Fatalf("Encode(%+v): %v", m, err)
		}
		if len(b) > MaxMetaSize || MaxMetaSize > memberlist.MetaMaxSize {
			t.Fatalf("Encode(%+v) = %d bytes; MaxMetaSize %d, memberlist's limit %d", m, len(b), MaxMetaSize, memberlist.MetaMaxSize)
		}
		got, err := DecodeMeta(b)
		if err != nil || got != m {
			t.Errorf("DecodeMeta(Encode(%+v)) = %+v, %v", m, got, err)
		}
	}
}

func TestEncodeMetaRefuses(t *testing.T) {
	for _, bmc := range []string{strings.Repeat("x", MaxBMCLen+1), "ipmi://a b", "ipmi://a\n", "\xff"} {
		if _, err := (Meta{BMC: bmc}).Encode(); !errors.Is(err, ErrMeta) {
			t.Errorf("Encode(BMC %q) = %v, want ErrMeta", bmc, err)
		}
	}
}

func badMetas() map[string][]byte {
	good, _ := Meta{BootID: testBoot, Incarnation: 300, WatchdogArmed: true, BMC: "ipmi://h"}.Encode()
	edit := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	return map[string][]byte{
		"empty":              {},
		"version 0":          {0},
		"short":              good[:10],
		"no incarnation":     good[:18],
		"varint overflow":    append(append([]byte(nil), good[:18]...), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
		"no BMC length":      good[:20],
		"BMC length too big": edit(func(b []byte) []byte { b[20] = 0xff; b = append(b[:21], 0x01); return b }),
		"BMC cut short":      good[:len(good)-2],
		"trailing bytes v1":  append(append([]byte(nil), good...), 0),
		"reserved flag v1":   edit(func(b []byte) []byte { b[1] |= 0x80; return b }),
		"control char BMC":   edit(func(b []byte) []byte { b[len(b)-1] = 0x07; return b }),
		"invalid UTF-8 BMC":  edit(func(b []byte) []byte { b[len(b)-1] = 0xff; return b }),
	}
}

func TestDecodeMetaRefuses(t *testing.T) {
	for name, b := range badMetas() {
		t.Run(name, func(t *testing.T) {
			if m, err := DecodeMeta(b); !errors.Is(err, ErrMeta) {
				t.Fatalf("DecodeMeta(% x) = %+v, %v; want ErrMeta", b, m, err)
			}
		})
	}
}

func TestDecodeMetaLaterVersion(t *testing.T) {
	// A version-2 sender appends a field and sets a new flag: a version-1
	// reader keeps what it knows.
	b, _ := Meta{BootID: testBoot, Incarnation: 5, BMC: "ipmi://h"}.Encode()
	b[0], b[1] = 2, 0x84
	b = append(b, 0xde, 0xad)
	m, err := DecodeMeta(b)
	if err != nil || m.Incarnation != 5 || m.BMC != "ipmi://h" || m.BootID != testBoot {
		t.Fatalf("DecodeMeta(version 2) = %+v, %v; want the version-1 fields", m, err)
	}
}

func FuzzDecodeMeta(f *testing.F) {
	good, _ := Meta{BootID: testBoot, Incarnation: 300, WatchdogArmed: true, BMC: "ipmi://h"}.Encode()
	f.Add(good)
	for _, b := range badMetas() {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := DecodeMeta(b)
		if err != nil {
			if m != (Meta{}) {
				t.Fatalf("DecodeMeta failed (%v) but returned %+v", err, m)
			}
			return
		}
		again, err := m.Encode()
		if err != nil {
			t.Fatalf("DecodeMeta accepted %+v, which Encode refuses: %v", m, err)
		}
		if b[0] == metaVersion && !bytes.Equal(again, b) {
			t.Fatalf("version-1 round trip changed % x into % x", b, again)
		}
	})
}

func TestParseBootID(t *testing.T) {
	id, err := ParseBootID("8d3e8f2a-6a4c-4f7e-9c1b-2f5e0c7d9a11\n")
	if err != nil || id != testBoot || id.String() != "8d3e8f2a-6a4c-4f7e-9c1b-2f5e0c7d9a11" {
		t.Fatalf("ParseBootID = %v, %v", id, err)
	}
	for _, s := range []string{"", "8d3e8f2a6a4c4f7e9c1b2f5e0c7d9a11", "8d3e8f2a-6a4c-4f7e-9c1b-2f5e0c7d9a1g", "8d3e8f2a-6a4c-4f7e-9c1b2-f5e0c7d9a11"} {
		if _, err := ParseBootID(s); err == nil {
			t.Errorf("ParseBootID(%q) = nil error, want one", s)
		}
	}
	if b, err := os.ReadFile("/proc/sys/kernel/random/boot_id"); err == nil {
		if _, err := ParseBootID(string(b)); err != nil {
			t.Errorf("ParseBootID(this machine's boot id) = %v", err)
		}
	}
}

func writeKey(t *testing.T, content string, mode os.FileMode) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gossip.key")
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadKeyFile(t *testing.T) {
	k1 := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{1}, 32))
	k2 := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{2}, 32))
	for _, mode := range []os.FileMode{0o600, 0o640, 0o400} {
		keys, err := ReadKeyFile(writeKey(t, "# rotation: new key second\n"+k1+"\n\n"+k2+"\n", mode))
		if err != nil || len(keys) != 2 || keys[0][0] != 1 || keys[1][0] != 2 {
			t.Fatalf("ReadKeyFile(mode %04o) = %d keys, %v", mode, len(keys), err)
		}
	}
	kr, err := Keyring(writeKey(t, k1, 0o600))
	if err != nil || len(kr.GetKeys()) != 1 || kr.GetPrimaryKey()[0] != 1 {
		t.Fatalf("Keyring() = %v, %v", kr, err)
	}
}

func TestReadKeyFileRefuses(t *testing.T) {
	short := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{3}, 16))
	good := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{4}, 32))
	notB64 := "c2VjcmV0-not-base64-c2VjcmV0c2VjcmV0c2VjcmV0"
	tests := []struct {
		name    string
		path    func(t *testing.T) string
		want    []string
		notWant string
	}{
		{"world-readable", func(t *testing.T) string { return writeKey(t, good, 0o644) }, []string{"mode 0644", "want 0600 or 0640"}, good},
		{"other-readable only", func(t *testing.T) string { return writeKey(t, good, 0o604) }, []string{"mode 0604"}, good},
		{"group-writable", func(t *testing.T) string { return writeKey(t, good, 0o660) }, []string{"mode 0660"}, good},
		{"16-byte key", func(t *testing.T) string { return writeKey(t, short, 0o600) }, []string{"line 1", "16 bytes, want 32"}, short},
		{"not base64", func(t *testing.T) string { return writeKey(t, notB64, 0o600) }, []string{"line 1", "base64"}, notB64},
		{"duplicate key", func(t *testing.T) string { return writeKey(t, good+"\n"+good, 0o600) }, []string{"line 2", "same key twice"}, good},
		{"empty", func(t *testing.T) string { return writeKey(t, "# nothing\n", 0o600) }, []string{"no key"}, ""},
		{"too large", func(t *testing.T) string { return writeKey(t, strings.Repeat(good+"\n", 200), 0o600) }, []string{"larger than"}, good},
		{"missing", func(t *testing.T) string { return filepath.Join(t.TempDir(), "nope") }, []string{"no such file"}, ""},
		{"directory", func(t *testing.T) string { return t.TempDir() }, []string{"not a regular file"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.path(t)
			_, err := ReadKeyFile(path)
			if !errors.Is(err, ErrKeyFile) {
				t.Fatalf("ReadKeyFile(%s) = %v, want ErrKeyFile", tc.name, err)
			}
			for _, s := range append(tc.want, path) {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("ReadKeyFile error %q, want it to say %q", err, s)
				}
			}
			if tc.notWant != "" && strings.Contains(err.Error(), tc.notWant) {
				t.Errorf("ReadKeyFile error %q shows the key material", err)
			}
		})
	}
}

func TestLogBridge(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug, ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}))
	var tapped []string
	l := NewLogger(logger, func(s string) { tapped = append(tapped, s) })
	l.Printf("[DEBUG] memberlist: Failed UDP ping: m1 (timeout reached)")
	l.Printf("[INFO] memberlist: Suspect m1 has failed, no acks received")
	l.Printf("[WARN] memberlist: Refuting a suspect message (from: m2)")
	l.Printf("[ERR] memberlist: Failed fallback TCP ping: io: read/write on closed pipe")
	l.Printf("no level at all")
	want := `level=DEBUG msg=memberlist detail="Failed UDP ping: m1 (timeout reached)"
level=INFO msg=memberlist detail="Suspect m1 has failed, no acks received"
level=WARN msg=memberlist detail="Refuting a suspect message (from: m2)"
level=ERROR msg=memberlist detail="Failed fallback TCP ping: io: read/write on closed pipe"
level=INFO msg=memberlist detail="no level at all"
`
	if buf.String() != want {
		t.Errorf("log bridge wrote\n%s\nwant\n%s", buf.String(), want)
	}
	if len(tapped) != 5 || tapped[1] != "Suspect m1 has failed, no acks received" {
		t.Errorf("tap got %q", tapped)
	}
}

func TestStartRefusesConfig(t *testing.T) {
	good := writeKey(t, base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{5}, 32)), 0o600)
	loose := writeKey(t, base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{5}, 32)), 0o644)
	lo := netip.MustParseAddrPort("127.0.0.1:0")
	bad := Fast
	bad.ProbeTimeout = bad.ProbeInterval
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"no key file", Config{Name: "a"}, "KeyFile is required"},
		{"loose key file", Config{Name: "a", KeyFile: loose, Bind: lo}, "mode 0644"},
		{"no bind", Config{Name: "a", KeyFile: good}, "Bind"},
		{"bad profile", Config{Name: "a", KeyFile: good, Profile: bad}, "probe timeout"},
		{"bad meta", Config{Name: "a", KeyFile: good, Bind: lo, Meta: Meta{BMC: "a b"}}, "BMC endpoint"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := Start(context.Background(), tc.cfg)
			if err == nil {
				l.Close()
				t.Fatalf("Start(%+v) = nil error, want one", tc.cfg)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Start error %q, want it to say %q", err, tc.want)
			}
		})
	}
}

func TestProfiles(t *testing.T) {
	for _, p := range Profiles() {
		if err := p.Check(); err != nil {
			t.Errorf("profile %s: %v", p.Name, err)
		}
		got, err := ProfileByName(p.Name)
		if err != nil || got != p {
			t.Errorf("ProfileByName(%q) = %v, %v", p.Name, got.Name, err)
		}
	}
	if Profiles()[0] != Default {
		t.Errorf("Profiles()[0] = %s, want the default %s", Profiles()[0].Name, Default.Name)
	}
	if _, err := ProfileByName("turbo"); err == nil || !strings.Contains(err.Error(), Default.Name) {
		t.Errorf("ProfileByName(turbo) = %v, want an error listing the profiles", err)
	}
}
