package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/store/storetest"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

// historyEvents counts the event samples in a --history file: one per
// log entry health has counted, per component and state.
func historyEvents(t *testing.T, path string) map[string]int {
	t.Helper()
	if err := storetest.CheckFile(path, store.Options{}); err != nil {
		t.Fatalf("history file: %v", err)
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	keys, err := st.SampleKeys()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, k := range keys {
		if _, ev, ok := strings.Cut(k, "/event/"); ok {
			smp, err := st.Samples(k)
			if err != nil {
				t.Fatal(err)
			}
			out[ev] = len(smp)
		}
	}
	return out
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

type healthJSON struct {
	Risk       string
	Degraded   bool
	Components []struct {
		Name, Risk, Reason string
		Replace            bool
	}
}

// TestHealthHistoryCountsSELOnce: against a real ipmi_sim, repeated runs of
// `vigil health --history FILE` count each SEL record once. One PSU of two
// failed is a part to replace however often health runs (counted twice, its
// "Redundancy Lost" record would look like a repeat and raise the risk to
// high), and after `ipmitool sel clear` the records logged since are
// counted.
func TestHealthHistoryCountsSELOnce(t *testing.T) {
	sim := ipmisim.New(t, ipmisim.Config{})
	tool := testenv.NeedsCommand(t, "ipmitool")
	user, pwFile := sim.User(ipmisim.Operator)
	hist := t.TempDir() + "/history.db"
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	health := func(what string) healthJSON {
		t.Helper()
		code, out, errOut := runCLI(t, nil, "health", "--ipmi", sim.Addr(), "--user", user, "--password-file", pwFile,
			"--history", hist, "--json")
		if code != 0 {
			t.Fatalf("%s: health: exit %d, stderr %q", what, code, errOut)
		}
		var v healthJSON
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%s: %v\n%s", what, err, out)
		}
		return v
	}
	if err := sim.FailPSU(ctx, 1); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := sim.RaiseECC(ctx, true); err != nil {
			t.Fatal(err)
		}
	}
	first := health("first run")
	counted := historyEvents(t, hist)
	if counted["DIMM ECC/Correctable ECC"] != 2 {
		t.Fatalf("first run counted %v, want 2 correctable ECC records", counted)
	}
	for i := range 3 {
		v := health(fmt.Sprintf("run %d", i+2))
		if again := historyEvents(t, hist); total(again) != total(counted) {
			t.Errorf("run %d counted the SEL again: %v, after the first %v", i+2, again, counted)
		}
		if v.Risk != first.Risk || v.Risk == "high" || v.Risk == "imminent" || !v.Degraded {
			t.Errorf("run %d: risk %s (first run %s), degraded %v: one failed PSU of two is low and degraded, every run (%+v)",
				i+2, v.Risk, first.Risk, v.Degraded, v.Components)
		}
	}

	admin, adminPw := sim.User(ipmisim.Admin)
	out, err := exec.CommandContext(ctx, tool, "-I", "lanplus", "-C", "3", "-H", sim.Host(), "-p", strconv.Itoa(sim.Port()),
		"-U", admin, "-f", adminPw, "sel", "clear").CombinedOutput()
	if err != nil {
		t.Fatalf("ipmitool sel clear: %v: %s", err, out)
	}
	health("after sel clear")
	if again := historyEvents(t, hist); total(again) != total(counted) {
		t.Errorf("after sel clear: counted %v, want still %v", again, counted)
	}
	time.Sleep(1100 * time.Millisecond) // SEL timestamps have one-second resolution
	for range 3 {
		if err := sim.RaiseECC(ctx, true); err != nil {
			t.Fatal(err)
		}
	}
	health("three records after the clear")
	health("and again")
	if again := historyEvents(t, hist); again["DIMM ECC/Correctable ECC"] != counted["DIMM ECC/Correctable ECC"]+3 {
		t.Errorf("after the clear and 3 new records: counted %v, want 3 more correctable ECC than %v", again, counted)
	}
}

// TestHealthHistoryCountsRedfishLogOnce: the same with the Redfish
// simulator's SEL log service, cleared with LogService.ClearLog.
func TestHealthHistoryCountsRedfishLogOnce(t *testing.T) {
	sim, err := redfishsim.New(redfishsim.Config{PlainHTTP: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	defer sim.Close()
	user, pw := sim.Credentials()
	vars := map[string]string{passwordEnv: pw}
	hist := t.TempDir() + "/history.db"
	health := func(what string) {
		t.Helper()
		code, _, errOut := runCLI(t, vars, "health", "--redfish", sim.URL(), "--allow-plain-http", "--user", user,
			"--history", hist, "--json")
		if code != 0 {
			t.Fatalf("%s: health: exit %d, stderr %q", what, code, errOut)
		}
	}
	add := func(n int) {
		for range n {
			if err := sim.AddLogEntry(redfishsim.LogEntry{Severity: "Warning", Message: "DIMM A1 correctable ECC",
				MessageID: "Memory.1.0.CorrectableECC"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	add(2)
	health("first run")
	counted := total(historyEvents(t, hist))
	if counted < 2 {
		t.Fatalf("first run counted %d log entries, want at least the 2 added", counted)
	}
	health("second run")
	if n := total(historyEvents(t, hist)); n != counted {
		t.Errorf("second run: %d log entries counted, want still %d", n, counted)
	}
	req, _ := http.NewRequest("POST", sim.URL()+sim.SELPath()+"/Actions/LogService.ClearLog", strings.NewReader("{}"))
	req.SetBasicAuth(user, pw)
	req.Header.Set("Content-Type", "application/json")
	resp, err := sim.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	add(3)
	health("after ClearLog and 3 entries")
	health("and again")
	if n := total(historyEvents(t, hist)); n != counted+3 {
		t.Errorf("after ClearLog and 3 new entries: %d counted, want %d", n, counted+3)
	}
}
