package redfishsim

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// fenceRedfish runs Debian's fence_redfish (an independent Redfish client)
// against s, passing options (and the password) on stdin, never in argv.
func fenceRedfish(t *testing.T, s *Sim, action string) (string, error) {
	t.Helper()
	bin, err := exec.LookPath("fence_redfish")
	if err != nil {
		testenv.Unavailable(t, "fence_redfish not installed (Debian fence-agents)")
	}
	ca, err := s.CAFile()
	if err != nil {
		t.Fatal(err)
	}
	host, port, _ := strings.Cut(strings.TrimPrefix(s.URL(), "https://"), ":")
	user, pass := s.Credentials()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	cmd.Stdin = strings.NewReader(fmt.Sprintf("ip=%s\nipport=%s\nusername=%s\npassword=%s\nssl_secure=1\naction=%s\npower_timeout=20\n",
		host, port, user, pass, action))
	cmd.Env = append(os.Environ(), "REQUESTS_CA_BUNDLE="+ca)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestFenceRedfish checks the simulator against fence_redfish: status, off
// (which fence_redfish confirms by polling), on.
func TestFenceRedfish(t *testing.T) {
	t.Parallel()
	s := startSim(t, Config{ResetDelay: 500 * time.Millisecond})
	out, err := fenceRedfish(t, s, "status")
	if err != nil || !strings.Contains(out, "Status: ON") {
		t.Fatalf("fence_redfish status: %v\n%s", err, out)
	}
	out, err = fenceRedfish(t, s, "off")
	if err != nil || !strings.Contains(out, "Success: Powered OFF") {
		t.Fatalf("fence_redfish off: %v\n%s", err, out)
	}
	if ps, _ := s.PowerState(""); ps != "Off" {
		t.Errorf("PowerState after fence_redfish off = %q", ps)
	}
	out, err = fenceRedfish(t, s, "on")
	if err != nil || !strings.Contains(out, "Success: Powered ON") {
		t.Fatalf("fence_redfish on: %v\n%s", err, out)
	}
	if ps, _ := s.PowerState(""); ps != "On" {
		t.Errorf("PowerState after fence_redfish on = %q", ps)
	}
}
