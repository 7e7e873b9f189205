package redfishsim

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"
)

type system struct {
	id      string
	path    string
	target  string
	allowed []string
	chassis []string
	on      bool
	gen     uint64             // bumped by every accepted reset
	cancel  context.CancelFunc // of the pending reset, if any
}

type task struct {
	id      string
	path    string
	monitor string
	done    bool
}

// initSystems finds every ComputerSystem and makes its Reset action work.
func (s *Sim) initSystems() error {
	var paths []string
	for p, o := range s.res {
		if isType(o, "ComputerSystem") {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		o := s.res[p]
		id, _ := o["Id"].(string)
		sys := &system{id: id, path: p}
		ps, _ := o["PowerState"].(string)
		sys.on = ps == "On" || ps == "PoweringOff" || ps == ""
		if ps == "" {
			o["PowerState"] = "On"
		}
		acts, _ := o["Actions"].(obj)
		if acts == nil {
			acts = obj{}
			o["Actions"] = acts
		}
		ra, _ := acts["#ComputerSystem.Reset"].(obj)
		if ra == nil {
			ra = obj{}
			acts["#ComputerSystem.Reset"] = ra
		}
		sys.target, _ = ra["target"].(string)
		if sys.target == "" {
			sys.target = p + "/Actions/ComputerSystem.Reset"
			ra["target"] = sys.target
		}
		sys.allowed = strList(ra["ResetType@Redfish.AllowableValues"])
		if info, ok := ra["@Redfish.ActionInfo"].(string); ok && len(sys.allowed) == 0 {
			if ai := s.res[info]; ai != nil {
				params, _ := ai["Parameters"].([]any)
				for _, pa := range params {
					po, _ := pa.(obj)
					if po["Name"] == "ResetType" {
						sys.allowed = strList(po["AllowableValues"])
					}
				}
			}
		}
		if len(s.cfg.AllowedResetTypes) > 0 {
			sys.allowed = slices.Clone(s.cfg.AllowedResetTypes)
			ra["ResetType@Redfish.AllowableValues"] = sys.allowed
		}
		if len(sys.allowed) == 0 {
			sys.allowed = slices.Clone(DefaultResetTypes)
			ra["ResetType@Redfish.AllowableValues"] = sys.allowed
		}
		if l, ok := o["Links"].(obj); ok {
			for _, c := range anyList(l["Chassis"]) {
				if co, ok := c.(obj); ok {
					if cp, ok := co["@odata.id"].(string); ok {
						sys.chassis = append(sys.chassis, cp)
					}
				}
			}
		}
		if _, dup := s.resets[sys.target]; dup {
			return fmt.Errorf("redfishsim: two systems share the reset target %s", sys.target)
		}
		s.systems[p] = sys
		s.resets[sys.target] = sys
	}
	return nil
}

func strList(v any) []string {
	var out []string
	for _, x := range anyList(v) {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func anyList(v any) []any {
	switch l := v.(type) {
	case []any:
		return l
	case []string:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out
	}
	return nil
}

// powerStep is one change of a reset: after wait, the power goes to on.
type powerStep struct {
	wait time.Duration
	on   bool
}

// plan returns the power changes resetType makes from the current state.
func (s *Sim) plan(on bool, resetType string) []powerStep {
	d := s.cfg.ResetDelay
	if s.stuck || (s.cfg.IgnoreGraceful && strings.HasPrefix(resetType, "Graceful")) {
		return nil // accepted, and nothing happens
	}
	switch resetType {
	case "On", "ForceOn":
		if !on {
			return []powerStep{{d, true}}
		}
	case "ForceOff", "GracefulShutdown", "PowerDown":
		if on {
			return []powerStep{{d, false}}
		}
	case "PushPowerButton":
		return []powerStep{{d, !on}}
	case "ForceRestart", "GracefulRestart", "PowerCycle", "FullPowerCycle", "Reset":
		if on {
			return []powerStep{{d, false}, {d, true}}
		}
		return []powerStep{{d, true}}
	}
	// Nmi, Suspend, Pause, Resume and no-ops change nothing.
	return nil
}

func (s *Sim) serveReset(w http.ResponseWriter, r *http.Request, sys *system) {
	var body map[string]any
	if e := readBody(r, &body); e != nil {
		writeError(w, e)
		return
	}
	const action = "ComputerSystem.Reset"
	rv, present := body["ResetType"]
	if !present {
		writeError(w, errMissing("ResetType", action))
		return
	}
	rt, ok := rv.(string)
	if !ok {
		writeError(w, &rfError{status: http.StatusBadRequest, msgID: "ActionParameterValueTypeError",
			message: fmt.Sprintf("The value '%v' for the action parameter ResetType is of a different type than the parameter can accept.", rv),
			args:    []string{fmt.Sprint(rv), "ResetType", action}, severity: "Critical"})
		return
	}
	for k := range body {
		if k != "ResetType" {
			writeError(w, &rfError{status: http.StatusBadRequest, msgID: "ActionParameterNotSupported",
				message: fmt.Sprintf("The parameter %s for the action %s is not supported on the target resource.", k, action),
				args:    []string{k, action}})
			return
		}
	}
	// Wait for a power change in progress (an OnPower hook running) so the
	// plan starts from the state the machine is really in.
	s.powerMu.Lock()
	defer s.powerMu.Unlock()
	s.mu.Lock()
	if !slices.Contains(sys.allowed, rt) {
		s.mu.Unlock()
		writeError(w, &rfError{status: http.StatusBadRequest, msgID: "ActionParameterValueNotInList",
			message: fmt.Sprintf("The value '%s' for the parameter ResetType in the action %s is not in the list of acceptable values.", rt, action),
			args:    []string{rt, "ResetType", action}})
		return
	}
	s.stats.Resets++
	s.stats.ResetTypes = append(s.stats.ResetTypes, rt)
	if sys.cancel != nil {
		sys.cancel() // a newer request replaces a pending one
		sys.cancel = nil
	}
	sys.gen++
	gen := sys.gen
	steps := s.plan(sys.on, rt)
	var tk *task
	if s.cfg.TaskReset {
		tk = s.newTask(sys, rt, len(steps) == 0)
	}
	if len(steps) == 0 {
		s.setPowerStateLocked(sys, powerWord(sys.on)) // end a replaced transition
	}
	if len(steps) > 0 {
		ctx, cancel := context.WithCancel(s.bgCtx)
		sys.cancel = cancel
		if s.cfg.TransitionStates {
			s.setPowerStateLocked(sys, transition(steps[0].on))
		}
		s.bg.Go(func() { s.runReset(ctx, sys, gen, steps, tk) })
	}
	s.log.Info("reset accepted", "system", sys.id, "type", rt, "steps", len(steps))
	if tk != nil {
		b := deepCopy(s.res[tk.path])
		s.mu.Unlock()
		w.Header().Set("Location", tk.monitor)
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusAccepted, b)
		return
	}
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func transition(on bool) string {
	if on {
		return "PoweringOn"
	}
	return "PoweringOff"
}

func powerWord(on bool) string {
	if on {
		return "On"
	}
	return "Off"
}

// runReset performs the steps of one reset unless a newer one or Close
// cancels it.
func (s *Sim) runReset(ctx context.Context, sys *system, gen uint64, steps []powerStep, tk *task) {
	for i, st := range steps {
		t := time.NewTimer(st.wait)
		select {
		case <-ctx.Done():
			t.Stop()
			s.finishTask(tk, "Cancelled")
			return
		case <-t.C:
		}
		s.powerMu.Lock()
		s.mu.Lock()
		current := sys.gen == gen && ctx.Err() == nil
		s.mu.Unlock()
		if !current {
			s.powerMu.Unlock()
			s.finishTask(tk, "Cancelled")
			return
		}
		// powerMu keeps resets and SetPower out until the change the hook
		// made is recorded.
		s.callHooks(sys.id, st.on)
		s.mu.Lock()
		s.applyPowerLocked(sys, st.on)
		if i+1 < len(steps) && s.cfg.TransitionStates {
			s.setPowerStateLocked(sys, transition(steps[i+1].on))
		}
		s.mu.Unlock()
		s.powerMu.Unlock()
	}
	s.mu.Lock()
	if sys.gen == gen {
		sys.cancel = nil
	}
	s.mu.Unlock()
	s.finishTask(tk, "Completed")
}

func (s *Sim) callHooks(id string, on bool) {
	if s.cfg.OnPower != nil {
		s.cfg.OnPower(on)
	}
	if s.cfg.OnSystemPower != nil {
		s.cfg.OnSystemPower(id, on)
	}
}

// applyPowerLocked records a power change, logs it and tells subscribers.
func (s *Sim) applyPowerLocked(sys *system, on bool) {
	sys.on = on
	s.setPowerStateLocked(sys, powerWord(on))
	msg := fmt.Sprintf("System %s power %s", sys.id, strings.ToLower(powerWord(on)))
	s.faultLocked("OK", msg, "ResourceEvent.1.0.ResourceChanged", []string{sys.path}, sys.path)
}

// setPowerStateLocked shows state in the system and its chassis.
func (s *Sim) setPowerStateLocked(sys *system, state string) {
	if o := s.res[sys.path]; o != nil {
		o["PowerState"] = state
	}
	for _, c := range sys.chassis {
		if o := s.res[c]; o != nil {
			if _, has := o["PowerState"]; has {
				o["PowerState"] = state
			}
		}
	}
}

func (s *Sim) systemByID(id string) (*system, error) {
	var ids []string
	for _, sys := range s.systems {
		if sys.id == id || sys.path == id {
			return sys, nil
		}
		ids = append(ids, sys.id)
	}
	if id == "" && len(s.systems) == 1 {
		for _, sys := range s.systems {
			return sys, nil
		}
	}
	sort.Strings(ids)
	return nil, fmt.Errorf("redfishsim: no system %q (have %s)", id, strings.Join(ids, ", "))
}

// PowerState returns the PowerState a client would read for system id (""
// for the only system).
func (s *Sim) PowerState(id string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sys, err := s.systemByID(id)
	if err != nil {
		return "", err
	}
	ps, _ := s.res[sys.path]["PowerState"].(string)
	return ps, nil
}

// SetPower changes system id's power at once, as a power cut or a button
// press at the machine would, cancelling any pending reset. It calls the
// OnPower hooks like a reset does.
func (s *Sim) SetPower(id string, on bool) error { return s.setPower(id, on, true) }

// NotePower records a power change that happened outside the BMC (the lab
// cut the host's power): PowerState changes at once, a pending reset is
// cancelled, the SEL and subscribers hear of it, and no hook is called.
func (s *Sim) NotePower(id string, on bool) error { return s.setPower(id, on, false) }

func (s *Sim) setPower(id string, on, hooks bool) error {
	s.powerMu.Lock()
	defer s.powerMu.Unlock()
	s.mu.Lock()
	sys, err := s.systemByID(id)
	if err != nil {
		s.mu.Unlock()
		return err
	}
	if sys.cancel != nil {
		sys.cancel()
		sys.cancel = nil
	}
	sys.gen++
	s.mu.Unlock()
	if hooks {
		s.callHooks(sys.id, on)
	}
	s.mu.Lock()
	s.applyPowerLocked(sys, on)
	s.mu.Unlock()
	return nil
}

// SystemIDs lists the Ids of the simulated systems.
func (s *Sim) SystemIDs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []string
	for _, sys := range s.systems {
		ids = append(ids, sys.id)
	}
	sort.Strings(ids)
	return ids
}

// newTask creates a Task for a reset; s.mu is held.
func (s *Sim) newTask(sys *system, rt string, done bool) *task {
	id := s.newID()
	tk := &task{id: id, path: root + "/TaskService/Tasks/" + id, monitor: root + "/TaskService/TaskMonitors/" + id}
	state := "Running"
	pc := 0
	if done {
		state, pc, tk.done = "Completed", 100, true
	}
	s.put(tk.path, obj{
		"@odata.type":     "#Task.v1_7_0.Task",
		"Id":              id,
		"Name":            "Reset " + sys.id + " " + rt,
		"TaskState":       state,
		"TaskStatus":      "OK",
		"PercentComplete": pc,
		"StartTime":       now(),
		"TaskMonitor":     tk.monitor,
		"Payload": obj{
			"TargetUri":     sys.target,
			"HttpOperation": "POST",
			"JsonBody":      fmt.Sprintf(`{"ResetType":%q}`, rt),
		},
		"Messages": []any{},
	})
	s.addMember(root+"/TaskService/Tasks", tk.path)
	s.tasks[tk.monitor] = tk
	return tk
}

func (s *Sim) finishTask(tk *task, state string) {
	if tk == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tk.done = true
	if o := s.res[tk.path]; o != nil {
		o["TaskState"] = state
		o["PercentComplete"] = 100
		o["EndTime"] = now()
		if state != "Completed" {
			o["TaskStatus"] = "Warning"
		}
	}
}

// serveTaskMonitor answers 202 with the task while it runs and 200 with the
// finished task after.
func (s *Sim) serveTaskMonitor(w http.ResponseWriter, p string) {
	s.mu.Lock()
	tk := s.tasks[p]
	if tk == nil {
		s.mu.Unlock()
		writeError(w, errNotFound(p))
		return
	}
	b := deepCopy(s.res[tk.path])
	done := tk.done
	s.mu.Unlock()
	if !done {
		w.Header().Set("Location", p)
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusAccepted, b)
		return
	}
	writeJSON(w, http.StatusOK, b)
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

// SetStuck(true) makes the BMC accept every Reset (204 or a task that
// completes) while the power never changes, as a BMC with a wedged power
// controller does; SetStuck(false) heals it.
func (s *Sim) SetStuck(stuck bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stuck = stuck
}
