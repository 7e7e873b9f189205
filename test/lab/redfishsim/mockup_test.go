package redfishsim

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stmcginnis/gofish"
	"github.com/stmcginnis/gofish/schemas"
)

func mockupDir(t *testing.T, name string) string {
	t.Helper()
	dir, err := FindMockup(name)
	if err != nil {
		t.Fatal(err) // the mockups are in testdata: absent means a broken checkout
	}
	return dir
}

// changed lists the mockup resources the simulator adds to on purpose.
func changed(p string) bool {
	return p == root || strings.HasPrefix(p, root+"/SessionService") || strings.HasPrefix(p, root+"/EventService") ||
		strings.HasPrefix(p, root+"/TaskService") || strings.Contains(p, "/LogServices/")
}

func TestMockups(t *testing.T) {
	t.Parallel()
	for _, name := range []string{MockupRackmount, MockupTower} {
		t.Run(name, func(t *testing.T) {
			dir := mockupDir(t, name)
			s := startSim(t, Config{Mockup: dir, ResetDelay: 100 * time.Millisecond})
			// Every file is served at its path, unchanged unless the
			// simulator implements that service itself.
			n := 0
			err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.Name() != "index.json" {
					return err
				}
				rel, _ := filepath.Rel(dir, filepath.Dir(path))
				p := root
				if rel != "." {
					p += "/" + filepath.ToSlash(rel)
				}
				b, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				var want, got map[string]any
				if err := json.Unmarshal(b, &want); err != nil {
					return err
				}
				if code := do(t, s, "GET", p, "", &got); code != 200 {
					t.Errorf("GET %s = %d", p, code)
					return nil
				}
				n++
				if _, isSys := want["PowerState"]; !changed(p) && !isSys && !reflect.DeepEqual(got, want) {
					t.Errorf("GET %s differs from %s", p, path)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n < 100 {
				t.Fatalf("only %d resources served", n)
			}

			c := mustConnect(t, s, false)
			chassis, err := c.Service.Chassis()
			if err != nil || len(chassis) == 0 {
				t.Fatalf("Chassis: %d, %v", len(chassis), err)
			}
			var thermal *schemas.Thermal
			for _, ch := range chassis {
				raw, _ := s.Resource(ch.ODataID)
				if _, ok := raw["Thermal"]; ok {
					th, err := ch.Thermal()
					if err != nil {
						t.Errorf("%s Thermal: %v", ch.ODataID, err)
					} else if thermal == nil && len(th.Fans) > 0 {
						thermal = th
					}
				}
				if _, ok := raw["Power"]; ok {
					if _, err := ch.Power(); err != nil {
						t.Errorf("%s Power: %v", ch.ODataID, err)
					}
				}
			}
			if thermal == nil {
				t.Fatal("no chassis with Thermal fans")
			}
			fan := thermal.Fans[0]
			if gofish.Deref(fan.Reading) <= 0 {
				t.Errorf("mockup fan %q reading %v", fan.Name, gofish.Deref(fan.Reading))
			}
			// Fault injection works on the mockup: the SEL gets the entry.
			if err := s.FailFan(fan.Name); err != nil {
				t.Fatal(err)
			}
			th, err := schemas.GetObject[schemas.Thermal](c, thermal.ODataID)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range th.Fans {
				if f.Name == fan.Name && (gofish.Deref(f.Reading) != 0 || f.Status.Health != schemas.CriticalHealth) {
					t.Errorf("failed fan %q: reading %v health %q", f.Name, gofish.Deref(f.Reading), f.Status.Health)
				}
			}
			mgrs, err := c.Service.Managers()
			if err != nil || len(mgrs) == 0 {
				t.Fatalf("Managers: %v", err)
			}
			var entries struct{ Members []map[string]any }
			do(t, s, "GET", s.SELPath()+"/Entries?$expand=.", "", &entries)
			last := entries.Members[len(entries.Members)-1]
			if !strings.Contains(last["Message"].(string), fan.Name) {
				t.Errorf("last log entry = %v", last)
			}

			// Reset works on top of the mockup.
			systems, err := c.Service.Systems()
			if err != nil || len(systems) == 0 {
				t.Fatalf("Systems: %v", err)
			}
			sys := systems[0]
			if sys.PowerState != schemas.OnPowerState {
				t.Fatalf("mockup system PowerState = %q", sys.PowerState)
			}
			if _, err := sys.Reset(schemas.ForceOffResetType); err != nil {
				t.Fatal(err)
			}
			waitPower(t, c, sys.ODataID, schemas.OffPowerState)
			if code := do(t, s, "POST", sys.ODataID+"/Actions/ComputerSystem.Reset", `{"ResetType":"PowerCycle"}`, nil); code != 400 {
				t.Errorf("PowerCycle (not in the mockup's list) = %d, want 400", code)
			}
		})
	}
}

// TestFindMockupInRepo: both mockups and their license come from this
// package's testdata, inside the repository.
func TestFindMockupInRepo(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	want, err := filepath.Abs("testdata/mockups")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{MockupRackmount, MockupTower} {
		dir, err := FindMockup(name)
		if err != nil || dir != filepath.Join(want, name) {
			t.Errorf("FindMockup(%q) from %s = %q, %v; want %s", name, wd, dir, err, filepath.Join(want, name))
		}
	}
	license, err := os.ReadFile(filepath.Join(want, "LICENSE.md"))
	if err != nil || !strings.Contains(string(license), "BSD 3-Clause License") {
		t.Errorf("testdata/mockups/LICENSE.md: %v; want DMTF's BSD 3-Clause license beside the mockups", err)
	}
}

func TestFindMockupAbsent(t *testing.T) {
	if _, err := FindMockup("no-such-mockup"); !errors.Is(err, ErrNoMockups) {
		t.Errorf("FindMockup of a missing mockup = %v, want ErrNoMockups", err)
	}
	if _, err := New(Config{Mockup: t.TempDir()}); err == nil {
		t.Error("New accepted a mockup directory without index.json")
	}
}
