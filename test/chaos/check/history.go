package check

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/agent/localapi"
)

// History is what one chaos run recorded: the input of Check. The runner
// fills it while the run goes on and completes it after the agents stopped
// (state directory copies). It encodes as JSON (WriteFile, ReadFile), so a
// failing run's history can be kept and checked again.
type History struct {
	// Seed is the run's seed (for reports only).
	Seed uint64 `json:"seed,omitempty"`
	// Start and End bound the run: from the first fault's schedule (or the
	// cluster ready) to the end of quiescence. The RTO check cannot judge
	// an outage whose deadline falls after End.
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	// Hosts are the lab's hosts, in the lab's order.
	Hosts []Host `json:"hosts"`
	// VMs are the VMs the cluster was given, with their budgets.
	VMs []VM `json:"vms"`
	// Heartbeats are the guests' heartbeats as the lab's watcher read
	// them, in reading order (Beat.Ord).
	Heartbeats []Beat `json:"heartbeats"`
	// Events are every agent's audit log (`vigil events --json` on each
	// host), each tagged with the host whose agent served it.
	Events []Event `json:"events"`
	// Power is the BMCs' power logs (ipmisim.Sim.ChassisLog, parsed by
	// ParseChassisLog), every host's records together.
	Power []PowerRecord `json:"power"`
	// Faults are the faults the runner applied, with their windows.
	Faults []Fault `json:"faults"`
	// MassFence is the agents' mass-fence guard (cluster/planner): at most
	// max(1, floor(Share × hosts)) hosts fenced within Window. Zero
	// values: the planner's defaults (0.5, 10 minutes).
	MassFence MassFence `json:"mass_fence"`
}

// Host is one lab host.
type Host struct {
	Name string `json:"name"`
	// StateDir is a copy of the agent's state_dir (its config's
	// state_dir:, StateDir/vigil under test/agents), taken after the agent
	// stopped: the store file agent.StoreFile is in it. Empty: not copied,
	// the store check skips the host.
	StateDir string `json:"state_dir,omitempty"`
	// MemoryMiB and VCPUs are what the host offers its VMs (0: unknown;
	// the RTO check then assumes capacity).
	MemoryMiB int64 `json:"memory_mib,omitempty"`
	VCPUs     int   `json:"vcpus,omitempty"`
}

// VM is one VM the cluster runs.
type VM struct {
	Name     string `json:"name"`
	Priority int    `json:"priority"`
	// RTO is the VM's recovery budget: once nothing blocks its recovery
	// it must run again within it.
	RTO time.Duration `json:"rto"`
	// Stopped is true for a VM that should not run (desired stopped); the
	// RTO check skips it.
	Stopped bool `json:"stopped,omitempty"`
	// Created is when the VM was given to the cluster (zero: at Start).
	Created   time.Time `json:"created,omitempty"`
	MemoryMiB int64     `json:"memory_mib,omitempty"`
	VCPUs     int       `json:"vcpus,omitempty"`
}

// Beat is one guest heartbeat (test/lab/guest.Heartbeat) as the lab's
// never-twice watcher read it: the serial file it came from, the host whose
// QEMU wrote that file, and when it was read. The watcher reads every
// 200 ms, so beats of one sample share At; Ord orders them.
type Beat struct {
	At time.Time `json:"at"`
	// Ord is the beat's place in the watcher's reading order (strictly
	// increasing over the history).
	Ord  uint64 `json:"ord"`
	Host string `json:"host"`
	File string `json:"file"`
	VM   string `json:"vm"`
	// Boot is the guest's per-boot nonce; Seq its beat counter (0 at boot,
	// +1 a second, continued across live migration).
	Boot string `json:"boot"`
	Seq  uint64 `json:"seq"`
}

// Event is one agent event (localapi.Event, from `vigil events --json`)
// and the host whose agent served it.
type Event struct {
	From string `json:"from"`
	localapi.Event
}

// Generation is the event's VM generation (evidence "generation"), 0 when
// it has none.
func (e Event) Generation() uint64 {
	var ev struct {
		Generation uint64 `json:"generation"`
	}
	if len(e.Evidence) == 0 || json.Unmarshal(e.Evidence, &ev) != nil {
		return 0
	}
	return ev.Generation
}

// evidenceString is the string field key of the event's evidence, "" when
// it has none.
func (e Event) evidenceString(key string) string {
	var ev map[string]any
	if len(e.Evidence) == 0 || json.Unmarshal(e.Evidence, &ev) != nil {
		return ""
	}
	v, _ := ev[key].(string)
	return v
}

// Leader is the leader whose planner recorded the event (evidence
// "leader"), "" for a host's own events.
func (e Event) Leader() string {
	var ev struct {
		Leader string `json:"leader"`
	}
	if len(e.Evidence) == 0 || json.Unmarshal(e.Evidence, &ev) != nil {
		return ""
	}
	return ev.Leader
}

// Power actions in a BMC's chassis log.
const (
	PowerOffRequested = "off-requested" // a delayed power off was asked for
	PowerOff          = "off"           // the host was powered off
	PowerOn           = "on"            // the host was powered on
	PowerCancelled    = "cancelled"     // pending power requests dropped
)

// PowerRecord is one line of a BMC's power log that changed or asked to
// change the host's power.
type PowerRecord struct {
	At     time.Time `json:"at"`
	Host   string    `json:"host"`
	Action string    `json:"action"`
	// Line is the log line, for evidence.
	Line string `json:"line,omitempty"`
}

// ParseChassisLog reads an ipmisim chassis log (ipmisim.Sim.ChassisLog:
// "UNIX.NANOS message" lines) for host. Hook runs and lines it does not
// know are skipped; a line without a readable time is an error naming it.
func ParseChassisLog(host, log string) ([]PowerRecord, error) {
	var out []PowerRecord
	sc := bufio.NewScanner(strings.NewReader(log))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		stamp, msg, _ := strings.Cut(line, " ")
		secs, err := strconv.ParseFloat(stamp, 64)
		if err != nil {
			return nil, fmt.Errorf("chassis log of %s, line %d %q: bad time: %w", host, n, line, err)
		}
		sec := int64(secs)
		// Parse the fraction from the text: a float64 loses the nanoseconds.
		var nsec int64
		if _, frac, ok := strings.Cut(stamp, "."); ok {
			frac = (frac + "000000000")[:9]
			nsec, _ = strconv.ParseInt(frac, 10, 64)
		}
		at := time.Unix(sec, nsec)
		var action string
		switch {
		case strings.HasPrefix(msg, "power off in "):
			action = PowerOffRequested
		case msg == "power off" || strings.HasPrefix(msg, "power off (delayed"):
			action = PowerOff
		case strings.HasPrefix(msg, "power on"):
			action = PowerOn
		case strings.HasPrefix(msg, "pending power requests cancelled"):
			action = PowerCancelled
		default:
			continue
		}
		out = append(out, PowerRecord{At: at, Host: host, Action: action, Line: line})
	}
	return out, sc.Err()
}

// Fault kinds the runner applies (issue 14). The checker reads them to know
// what a fault does to recovery (see CheckRTO).
const (
	FaultPowerCut        = "power-cut"         // Target's power cut through its BMC
	FaultPartition       = "partition"         // Target and Peer cut off from each other
	FaultPartitionOneWay = "partition-one-way" // Target's packets to Peer dropped
	FaultIsolate         = "isolate"           // Target cut off from every host
	FaultPartitionBMC    = "partition-bmc"     // Target cannot reach Peer's BMC
	FaultBMCDown         = "bmc-down"          // Target's BMC unreachable from everyone
	FaultLoss            = "loss"              // packet loss on Target's ports (Share)
	FaultAgentKill       = "agent-kill"        // Target's agent SIGKILLed (restarted at End)
	FaultAgentStop       = "agent-stop"        // Target's agent SIGSTOPped (SIGCONT at End)
	FaultLeaderKill      = "leader-kill"       // the leader's agent (Target) SIGKILLed
	FaultLeaderStop      = "leader-stop"       // the leader's agent (Target) SIGSTOPped (SIGCONT at End)
	FaultIPMICrash       = "ipmi-crash"        // Target's ipmi_sim crashed (restarted at End)
	FaultIPMIRestart     = "ipmi-restart"      // Target's ipmi_sim restarted
	FaultBMCStaleOn      = "bmc-stale-on"      // Target's BMC reads "on" for a while after off
	FaultDiskFull        = "disk-full"         // Target's state directory's disk full
	FaultSlowDisk        = "slow-disk"         // Target's state directory slow
	FaultClockStep       = "clock-step"        // Target's clock stepped (Step)
	FaultDegrade         = "degrade"           // Target's fan or temperature degrading
)

// Fault is one fault the runner applied: from Start until End (its heal;
// zero End: never healed before the run ended).
type Fault struct {
	Kind string `json:"kind"`
	// Target is the host the fault hits; Peer the other host of a
	// partition (or whose BMC Target cannot reach).
	Target string    `json:"target"`
	Peer   string    `json:"peer,omitempty"`
	Start  time.Time `json:"start"`
	End    time.Time `json:"end,omitzero"`
	// Share is a packet loss share (0.05 to 0.3).
	Share float64 `json:"share,omitempty"`
	// Step is a clock step.
	Step time.Duration `json:"step,omitempty"`
	// Detail says anything else the runner wants in a report.
	Detail string `json:"detail,omitempty"`
}

// String describes the fault for a schedule or a violation.
func (f Fault) String() string {
	var b strings.Builder
	b.WriteString(f.Kind + " " + f.Target)
	if f.Peer != "" {
		b.WriteString("/" + f.Peer)
	}
	if f.Share != 0 {
		fmt.Fprintf(&b, " %.0f%%", f.Share*100)
	}
	if f.Step != 0 {
		fmt.Fprintf(&b, " step %v", f.Step)
	}
	fmt.Fprintf(&b, " %s-", stamp(f.Start))
	if !f.End.IsZero() {
		b.WriteString(stamp(f.End))
	}
	if f.Detail != "" {
		b.WriteString(" (" + f.Detail + ")")
	}
	return b.String()
}

// MassFence is the agents' mass-fence guard.
type MassFence struct {
	Share  float64       `json:"share,omitempty"`
	Window time.Duration `json:"window,omitempty"`
}

// limits returns the guard with the planner's defaults filled in.
func (m MassFence) limits() MassFence {
	if m.Share <= 0 {
		m.Share = 0.5
	}
	if m.Window <= 0 {
		m.Window = 10 * time.Minute
	}
	return m
}

// Sort puts the history's records in time order (heartbeats by Ord), so a
// runner may append them from several goroutines.
func (h *History) Sort() {
	slices.SortStableFunc(h.Heartbeats, func(a, b Beat) int { return cmpUint(a.Ord, b.Ord) })
	slices.SortStableFunc(h.Events, func(a, b Event) int { return a.Time.Compare(b.Time) })
	slices.SortStableFunc(h.Power, func(a, b PowerRecord) int { return a.At.Compare(b.At) })
	slices.SortStableFunc(h.Faults, func(a, b Fault) int { return a.Start.Compare(b.Start) })
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Encode writes the history as indented JSON.
func (h *History) Encode(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(h)
}

// WriteFile saves the history to path.
func (h *History) WriteFile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	if err := h.Encode(f); err != nil {
		f.Close()
		return fmt.Errorf("history %s: %w", path, err)
	}
	return f.Close()
}

// ReadFile loads a history WriteFile saved.
func ReadFile(path string) (*History, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	var h History
	if err := json.Unmarshal(b, &h); err != nil {
		return nil, fmt.Errorf("history %s: %w", path, err)
	}
	return &h, nil
}

// stamp formats a time for messages: wall clock with milliseconds.
func stamp(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Format("15:04:05.000")
}
