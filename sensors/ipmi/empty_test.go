package ipmi

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// TestEmptySDRAndSEL runs a bare ipmi_sim with no SDR repository and an
// empty SEL: both answer completion code 0xcb, which is "empty", so the
// poll succeeds with nothing in it.
func TestEmptySDRAndSEL(t *testing.T) {
	bin, err := exec.LookPath("ipmi_sim")
	if err != nil {
		testenv.Unavailable(t, "ipmi_sim not available: %v", err)
	}
	dir := t.TempDir()
	port := freeUDP(t)
	lan := fmt.Sprintf(`name "empty"
set_working_mc 0x20
  startlan 1
    addr 127.0.0.1 %d
    priv_limit admin
    allowed_auths_callback none md2 md5 straight
    allowed_auths_user none md2 md5 straight
    allowed_auths_operator none md2 md5 straight
    allowed_auths_admin none md2 md5 straight
    guid a123456789abcdefa123456789abcdef
  endlan
  user 2 true "admin" "emptypw1" admin 10 none md2 md5 straight
`, port)
	emu := "mc_setbmc 0x20\nmc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr\nsel_enable 0x20 1000 0x0a\nmc_enable 0x20\n"
	for name, body := range map[string]string{"lan.conf": lan, "host.emu": emu} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "state"), 0o700); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-n", "-c", filepath.Join(dir, "lan.conf"), "-f", filepath.Join(dir, "host.emu"), "-s", filepath.Join(dir, "state"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })

	r := New(Config{Host: "127.0.0.1", Port: port, User: "admin", Password: "emptypw1", CipherSuite: 3})
	defer r.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		got, err := r.Poll(ctx)
		cancel()
		if err == nil {
			if len(got.Readings) != 0 || len(got.Events) != 0 {
				t.Errorf("empty BMC: %d readings, %d events", len(got.Readings), len(got.Events))
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("poll of an empty BMC: %v", err)
		}
		r.Close() // the failed reader is backing off: start afresh
		r = New(Config{Host: "127.0.0.1", Port: port, User: "admin", Password: "emptypw1", CipherSuite: 3})
		time.Sleep(200 * time.Millisecond) // ipmi_sim still starting
	}
}

func freeUDP(t *testing.T) int {
	t.Helper()
	c, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	return c.LocalAddr().(*net.UDPAddr).Port
}
