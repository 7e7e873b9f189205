package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/test/lab"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
)

// fenceJSON is what `vigil fence --json` prints.
type fenceJSON struct {
	Action    string `json:"action"`
	Driver    string `json:"driver"`
	Target    string `json:"target"`
	Power     string `json:"power"`
	Confirmed bool   `json:"confirmed"`
	ElapsedMS *int64 `json:"elapsed_ms"`
	Error     *struct {
		Kind    string `json:"kind"`
		Message string `json:"message"`
		Detail  string `json:"detail"`
	} `json:"error"`
}

func parseFence(t *testing.T, out string) fenceJSON {
	t.Helper()
	var f fenceJSON
	if err := json.Unmarshal([]byte(out), &f); err != nil {
		t.Fatalf("vigil fence --json printed %q: %v", out, err)
	}
	if f.Action == "" || f.Driver == "" || f.Target == "" || f.Power == "" || f.ElapsedMS == nil {
		t.Fatalf("vigil fence --json %q misses a CLI.md field", out)
	}
	return f
}

// buildVigilBinary builds the real vigil binary into dir.
func buildVigilBinary(dir string) (string, error) {
	path := filepath.Join(dir, "vigil")
	out, err := exec.Command("go", "build", "-o", path, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return path, nil
}

// vigilFence runs the built binary; it returns the exit code and stdout.
func vigilFence(t *testing.T, bin string, env []string, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{"fence"}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errOut.String()
}

// fenceAgentStatus asks a Debian fence agent for the power state; the
// options, password included, go on stdin as "name=value" lines.
func fenceAgentStatus(t *testing.T, agent string, opts map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath(agent); err != nil {
		testenv.Degraded(t, "%s not installed: no cross-check", agent)
		return ""
	}
	var in strings.Builder
	for k, v := range opts {
		fmt.Fprintf(&in, "%s=%s\n", k, v)
	}
	in.WriteString("action=status\n")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, agent)
	cmd.Stdin = strings.NewReader(in.String())
	out, _ := cmd.CombinedOutput()
	switch s := string(out); {
	case strings.Contains(s, "Status: ON"):
		return "on"
	case strings.Contains(s, "Status: OFF"):
		return "off"
	default:
		t.Fatalf("%s status: %s", agent, strings.ReplaceAll(s, opts["password"], "****"))
	}
	return ""
}

func readPassword(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// TestFenceLab runs the real vigil binary, built once, against lab hosts
// behind each kind of BMC.
func TestFenceLab(t *testing.T) {
	if testing.Short() {
		t.Skip("lab test")
	}
	bin, err := buildVigilBinary(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Run("ipmi", func(t *testing.T) { fenceLabIPMI(t, bin) })
	t.Run("redfish", func(t *testing.T) { fenceLabRedfish(t, bin) })
}

// fenceLabIPMI: the real binary powers a lab host off through its
// ipmi_sim BMC; the host's processes die, the JSON says confirmed, and
// fence_ipmilan reads the same state after every action.
func fenceLabIPMI(t *testing.T, bin string) {
	l := lab.New(t, lab.Options{Hosts: 1, BMC: lab.IPMI, Name: "fence"})
	h := l.Hosts[0]
	user, pwFile, err := h.BMC.Credentials(lab.Operator)
	if err != nil {
		t.Fatal(err)
	}
	proc, err := h.Start("sleep", "1000")
	if err != nil {
		t.Fatal(err)
	}
	bmc := []string{"--ipmi", h.BMC.Addr(), "--user", user, "--password-file", pwFile, "--timeout", "15s", "--json"}
	agent := map[string]string{"ip": h.BMC.IP.String(), "ipport": strconv.Itoa(h.BMC.Port), "username": user,
		"password": readPassword(t, pwFile), "lanplus": "1", "cipher": "3", "privlvl": "operator"}

	code, out, errOut := vigilFence(t, bin, nil, append([]string{"off"}, bmc...)...)
	f := parseFence(t, out)
	if code != 0 || !f.Confirmed || f.Power != "off" || f.Driver != "ipmi" {
		t.Fatalf("vigil fence off: exit %d, %+v, stderr %q; want confirmed off", code, f, errOut)
	}
	select {
	case <-proc.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("the host's process survived a confirmed power off")
	}
	if h.On() {
		t.Fatal("lab host still on after a confirmed off")
	}
	if got := fenceAgentStatus(t, "fence_ipmilan", agent); got != "" && got != "off" {
		t.Fatalf("fence_ipmilan reads %s after vigil fence off", got)
	}
	t.Logf("vigil fence off confirmed in %d ms", *f.ElapsedMS)

	for _, step := range []struct{ verb, want string }{{"status", "off"}, {"on", "on"}, {"cycle", "on"}, {"status", "on"}} {
		code, out, errOut := vigilFence(t, bin, nil, append([]string{step.verb}, bmc...)...)
		f := parseFence(t, out)
		if code != 0 || f.Power != step.want || !f.Confirmed {
			t.Fatalf("vigil fence %s: exit %d, %+v, stderr %q; want %s", step.verb, code, f, errOut, step.want)
		}
		if got := fenceAgentStatus(t, "fence_ipmilan", agent); got != "" && got != step.want {
			t.Fatalf("fence_ipmilan reads %s after vigil fence %s (%s)", got, step.verb, step.want)
		}
	}
	if !h.On() {
		t.Fatal("lab host off after vigil fence on/cycle")
	}

	// A USER account: a clear privilege error, exit 5, the host untouched.
	uuser, ufile, _ := h.BMC.Credentials(lab.User)
	code, out, errOut = vigilFence(t, bin, nil, "off", "--ipmi", h.BMC.Addr(), "--user", uuser, "--password-file", ufile, "--json")
	f = parseFence(t, out)
	if code != 5 || f.Confirmed || !strings.Contains(errOut, "insufficient privilege") || f.Error == nil ||
		f.Error.Kind != "privilege" || !strings.Contains(f.Error.Message, "OPERATOR") || !h.On() {
		t.Fatalf("fence off as USER: exit %d, %+v, stderr %q; want exit 5 with an insufficient privilege error", code, f, errOut)
	}
}

// fenceLabRedfish: the same through the lab's Redfish BMC, with
// fence_redfish as the cross-check. The simulator's CA reaches vigil through
// SSL_CERT_FILE, so certificate checking stays on.
func fenceLabRedfish(t *testing.T, bin string) {
	l := lab.New(t, lab.Options{Hosts: 1, BMC: lab.Redfish, Name: "fenrf"})
	h := l.Hosts[0]
	user, pwFile, err := h.BMC.Credentials(lab.Operator)
	if err != nil {
		t.Fatal(err)
	}
	caFile, err := h.BMC.Redfish.CAFile()
	if err != nil {
		t.Fatal(err)
	}
	env := []string{"SSL_CERT_FILE=" + caFile}
	proc, err := h.Start("sleep", "1000")
	if err != nil {
		t.Fatal(err)
	}
	bmc := []string{"--redfish", h.BMC.URL, "--user", user, "--password-file", pwFile, "--timeout", "30s", "--json"}
	sysURI := "/redfish/v1/Systems/" + h.BMC.Redfish.SystemIDs()[0]
	agent := map[string]string{"ip": h.BMC.IP.String(), "ipport": strconv.Itoa(h.BMC.Port), "username": user,
		"password": readPassword(t, pwFile), "ssl_insecure": "1", "systems_uri": sysURI}

	for _, step := range []struct{ verb, want string }{{"off", "off"}, {"status", "off"}, {"on", "on"}, {"cycle", "on"}} {
		code, out, errOut := vigilFence(t, bin, env, append([]string{step.verb}, bmc...)...)
		f := parseFence(t, out)
		if code != 0 || f.Power != step.want || !f.Confirmed || f.Driver != "redfish" {
			t.Fatalf("vigil fence %s: exit %d, %+v, stderr %q; want %s", step.verb, code, f, errOut, step.want)
		}
		if step.verb == "off" {
			select {
			case <-proc.Done():
			case <-time.After(10 * time.Second):
				t.Fatal("the host's process survived a confirmed power off")
			}
		}
		if got := fenceAgentStatus(t, "fence_redfish", agent); got != "" && got != step.want {
			t.Fatalf("fence_redfish reads %s after vigil fence %s (%s)", got, step.verb, step.want)
		}
	}
	// Without the CA, certificate checking refuses the BMC.
	code, _, errOut := vigilFence(t, bin, []string{"SSL_CERT_FILE=/dev/null"}, append([]string{"status"}, bmc...)...)
	if code != 6 || !strings.Contains(errOut, "certificate") {
		t.Fatalf("status without trusting the BMC's CA: exit %d, stderr %q; want exit 6 and a certificate error", code, errOut)
	}
}

// TestFenceErrors runs vigil in-process against a real ipmi_sim for the
// failure cases; no lab needed.
func TestFenceErrors(t *testing.T) {
	sim := ipmisim.New(t, ipmisim.Config{})
	user, pwFile := sim.User(ipmisim.Operator)
	wrongFile := filepath.Join(t.TempDir(), "wrong")
	os.WriteFile(wrongFile, []byte("wrong-password\n"), 0o600)

	// A silent BMC: a UDP socket that never answers.
	pc, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()

	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
		maxTime  time.Duration
	}{
		{"no bmc", []string{"fence", "off", "--user", user, "--password-file", pwFile}, 2, "one of --ipmi or --redfish", 0},
		{"no verb", []string{"fence"}, 2, "missing verb", 0},
		{"bad verb", []string{"fence", "reboot"}, 2, `unknown verb "reboot"`, 0},
		{"bad port", []string{"fence", "off", "--ipmi", "127.0.0.1:99999", "--user", user, "--password-file", pwFile}, 2, "bad port", 0},
		{"wrong password", []string{"fence", "off", "--ipmi", sim.Addr(), "--user", user, "--password-file", wrongFile}, 4, "wrong credentials", 5 * time.Second},
		{"unreachable", []string{"fence", "off", "--ipmi", pc.LocalAddr().String(), "--user", user, "--password-file", pwFile, "--timeout", "2s"}, 3, "BMC unreachable", 5 * time.Second},
		{"status", []string{"fence", "status", "--ipmi", sim.Addr(), "--user", user, "--password-file", pwFile}, 0, "", 5 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			code, out, errOut := runCLI(t, nil, tc.args...)
			if code != tc.wantCode || !strings.Contains(errOut, tc.wantErr) {
				t.Fatalf("vigil %v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut, tc.wantCode, tc.wantErr)
			}
			if strings.Contains(errOut, "wrong-password") {
				t.Fatalf("stderr carries the password: %q", errOut)
			}
			if tc.maxTime > 0 && time.Since(start) > tc.maxTime {
				t.Fatalf("took %v, want under %v", time.Since(start), tc.maxTime)
			}
			if tc.name == "status" && !strings.Contains(out, "power on") {
				t.Fatalf("status printed %q", out)
			}
		})
	}
	if on, _ := sim.Power(); !on {
		t.Fatal("a failed command changed the power")
	}
}
