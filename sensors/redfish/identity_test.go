package redfish

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/sensors"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

func rdg(name string, kind sensors.Kind, v *float64, unit sensors.Unit, st sensors.Status) sensors.Reading {
	return sensors.Reading{Source: sensors.SourceRedfish, Component: name, Name: name, Kind: kind, Value: v, Unit: unit, Status: st}
}

func TestIdentity(t *testing.T) {
	one := chassisRef{"/redfish/v1/Chassis/1", "1"}
	two := chassisRef{"/redfish/v1/Chassis/2", "2"}
	at := func(c chassisRef, v view, s sighting) sighting {
		s.chassis, s.chassisID, s.view = c.path, c.id, v
		return s
	}
	rpmThr := &sensors.Thresholds{LowerCritical: sensors.F(1000)}
	pctThr := &sensors.Thresholds{LowerCritical: sensors.F(5)}
	for _, tc := range []struct {
		name string
		in   []sighting
		want []string // "component|name|kind|value unit|status|states|thresholds"
	}{{
		name: "one fan in three views is one reading, the Sensor's",
		in: []sighting{
			at(one, viewThermal, sighting{rd: withThr(rdg("FAN1", sensors.KindFan, sensors.F(5300), sensors.UnitRPM, sensors.StatusOK), rpmThr)}),
			at(one, viewThermalSubsystem, sighting{rd: rdg("FAN1", sensors.KindFan, sensors.F(5350), sensors.UnitRPM, sensors.StatusOK), self: "/redfish/v1/Chassis/1/ThermalSubsystem/Fans/FAN1"}),
			at(one, viewSensors, sighting{rd: rdg("FAN1", sensors.KindFan, sensors.F(5400), sensors.UnitRPM, sensors.StatusOK), self: "/redfish/v1/Chassis/1/Sensors/FAN1"}),
		},
		want: []string{"FAN1|FAN1|fan|5400 rpm|ok||thr"},
	}, {
		name: "a PSU without a reading takes the older view's watts and keeps its states",
		in: []sighting{
			at(one, viewPower, sighting{rd: rdg("PSU1", sensors.KindPSU, sensors.F(165), sensors.UnitWatts, sensors.StatusOK)}),
			at(one, viewPowerSubsystem, sighting{rd: withStates(rdg("PSU1", sensors.KindPSU, nil, sensors.UnitNone, sensors.StatusWarning), "Enabled", "Health Warning"), self: "/p/PSU1"}),
		},
		want: []string{"PSU1|PSU1|psu|165 watts|warning|Enabled,Health Warning|"},
	}, {
		name: "an excerpt names its Sensor: one reading, thresholds never mixed across units",
		in: []sighting{
			at(one, viewThermalSubsystem, sighting{rd: withThr(rdg("Fan Bay 1", sensors.KindFan, sensors.F(2200), sensors.UnitRPM, sensors.StatusOK), rpmThr),
				self: "/redfish/v1/Chassis/1/ThermalSubsystem/Fans/Bay1", source: "/redfish/v1/Chassis/1/Sensors/FanBay1"}),
			at(one, viewSensors, sighting{rd: rdg("Chassis Fan #1", sensors.KindOther, sensors.F(45), sensors.UnitPercent, sensors.StatusOK), self: "/redfish/v1/Chassis/1/Sensors/FanBay1"}),
		},
		want: []string{"Chassis Fan #1|Chassis Fan #1|fan|45 percent|ok||"},
	}, {
		name: "the percent Sensor keeps its own thresholds",
		in: []sighting{
			at(one, viewThermalSubsystem, sighting{rd: rdg("Fan Bay 1", sensors.KindFan, sensors.F(2200), sensors.UnitRPM, sensors.StatusOK),
				self: "/f/Bay1", source: "/s/FanBay1"}),
			at(one, viewSensors, sighting{rd: withThr(rdg("Chassis Fan #1", sensors.KindFan, sensors.F(45), sensors.UnitPercent, sensors.StatusOK), pctThr), self: "/s/FanBay1"}),
		},
		want: []string{"Chassis Fan #1|Chassis Fan #1|fan|45 percent|ok||thr"},
	}, {
		name: "one resource listed twice is read once",
		in: []sighting{
			at(one, viewSensors, sighting{rd: rdg("CPU Temp", sensors.KindTemperature, sensors.F(45), sensors.UnitCelsius, sensors.StatusOK), self: "/s/CPU"}),
			at(one, viewSensors, sighting{rd: rdg("CPU Temp", sensors.KindTemperature, sensors.F(45), sensors.UnitCelsius, sensors.StatusOK), self: "/s/CPU/"}),
		},
		want: []string{"CPU Temp|CPU Temp|temperature|45 celsius|ok||"},
	}, {
		name: "two members of one view are two sensors, even with one name",
		in: []sighting{
			at(one, viewSensors, sighting{rd: rdg("Temp", sensors.KindTemperature, sensors.F(40), sensors.UnitCelsius, sensors.StatusOK), self: "/s/T1"}),
			at(one, viewSensors, sighting{rd: rdg("Temp", sensors.KindTemperature, sensors.F(50), sensors.UnitCelsius, sensors.StatusOK), self: "/s/T2"}),
			at(one, viewThermal, sighting{rd: rdg("Temp", sensors.KindTemperature, sensors.F(41), sensors.UnitCelsius, sensors.StatusOK), member: "0"}),
		},
		want: []string{"Temp|Temp|temperature|40 celsius|ok||", "Temp|Temp|temperature|41 celsius|ok||", "Temp|Temp|temperature|50 celsius|ok||"},
	}, {
		name: "one name, two kinds: two sensors",
		in: []sighting{
			at(one, viewPower, sighting{rd: rdg("PSU1", sensors.KindPSU, sensors.F(165), sensors.UnitWatts, sensors.StatusOK)}),
			at(one, viewSensors, sighting{rd: rdg("PSU1", sensors.KindVoltage, sensors.F(12), sensors.UnitVolts, sensors.StatusOK), self: "/s/PSU1"}),
		},
		want: []string{"PSU1|PSU1|psu|165 watts|ok||", "PSU1|PSU1|voltage|12 volts|ok||"},
	}, {
		name: "one name on two chassis: two sensors, told apart by chassis",
		in: []sighting{
			at(one, viewThermal, sighting{rd: rdg("FAN1", sensors.KindFan, sensors.F(5400), sensors.UnitRPM, sensors.StatusOK)}),
			at(one, viewSensors, sighting{rd: rdg("FAN1", sensors.KindFan, sensors.F(5400), sensors.UnitRPM, sensors.StatusOK), self: "/redfish/v1/Chassis/1/Sensors/FAN1"}),
			at(two, viewThermal, sighting{rd: rdg("FAN1", sensors.KindFan, sensors.F(0), sensors.UnitRPM, sensors.StatusCritical)}),
			at(two, viewSensors, sighting{rd: rdg("FAN1", sensors.KindFan, sensors.F(0), sensors.UnitRPM, sensors.StatusCritical), self: "/redfish/v1/Chassis/2/Sensors/FAN1"}),
			at(two, viewThermal, sighting{rd: rdg("FAN2", sensors.KindFan, sensors.F(5000), sensors.UnitRPM, sensors.StatusOK)}),
		},
		want: []string{"1/FAN1|1/FAN1|fan|5400 rpm|ok||", "2/FAN1|2/FAN1|fan|0 rpm|critical||", "FAN2|FAN2|fan|5000 rpm|ok||"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, rd := range identity(tc.in) {
				got = append(got, descrReading(rd))
			}
			if strings.Join(sorted(got), "\n") != strings.Join(sorted(tc.want), "\n") {
				t.Errorf("identity() =\n  %s\nwant\n  %s", strings.Join(sorted(got), "\n  "), strings.Join(sorted(tc.want), "\n  "))
			}
		})
	}
}

func withThr(rd sensors.Reading, t *sensors.Thresholds) sensors.Reading { rd.Thresholds = t; return rd }
func withStates(rd sensors.Reading, s ...string) sensors.Reading        { rd.States = s; return rd }

func descrReading(rd sensors.Reading) string {
	thr := ""
	if rd.Thresholds != nil {
		thr = "thr"
	}
	return fmt.Sprintf("%s|%s|%s|%s %s|%s|%s|%s", rd.Component, rd.Name, rd.Kind, fmtV(rd.Value), rd.Unit, rd.Status, strings.Join(rd.States, ","), thr)
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// uniqueKeys fails the test for every Key that more than one reading has.
func uniqueKeys(t *testing.T, p *sensors.Poll) map[string]sensors.Reading {
	t.Helper()
	byKey := map[string]sensors.Reading{}
	for _, rd := range p.Readings {
		if _, dup := byKey[rd.Key()]; dup {
			t.Errorf("reading %s appears more than once", rd.Key())
		}
		byKey[rd.Key()] = rd
	}
	return byKey
}

// TestSimEachSensorOnce: the simulator shows every sensor in Thermal or
// Power, in the Sensors collection and in ThermalSubsystem or
// PowerSubsystem, under one name (FAN1 was read three times). Each comes
// once, with the newest view's reading and what only an older view has
// (a PSU's watts); on two chassis each sensor comes once per chassis; a
// chassis listed twice is read once.
func TestSimEachSensorOnce(t *testing.T) {
	for _, tc := range []struct {
		name     string
		chassis  []string
		listDup  bool
		prefixes []string
	}{{"one chassis", []string{"1"}, false, []string{""}},
		{"two chassis", []string{"1", "2"}, false, []string{"1/", "2/"}},
		{"chassis listed twice", []string{"1"}, true, []string{""}}} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := redfishsim.Config{}
			for _, id := range tc.chassis {
				cfg.Chassis = append(cfg.Chassis, redfishsim.DefaultChassis(id))
			}
			sim := startSim(t, cfg)
			if tc.listDup {
				if err := sim.Mutate("/redfish/v1/Chassis", func(o map[string]any) {
					ms := o["Members"].([]any)
					o["Members"] = append(ms, ms[0])
				}); err != nil {
					t.Fatal(err)
				}
			}
			r := newReader(sim, nil)
			defer r.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			p, err := r.Poll(ctx)
			if err != nil {
				t.Fatal(err)
			}
			byKey := uniqueKeys(t, p)
			want := map[string]string{ // name -> kind, value, unit, status
				"CPU Temp": "temperature 45 celsius ok", "Inlet Temp": "temperature 24 celsius ok",
				"FAN1": "fan 5400 rpm ok", "FAN2": "fan 5400 rpm ok", "12V": "voltage 12.05 volts ok",
				"PSU1": "psu 165 watts ok", "PSU2": "psu 161 watts ok",
			}
			for _, prefix := range tc.prefixes {
				for name, w := range want {
					key := string(sensors.SourceRedfish) + "/" + prefix + name + "/" + prefix + name
					rd, ok := byKey[key]
					if !ok {
						t.Errorf("no reading %s", key)
						continue
					}
					if got := fmt.Sprintf("%s %s %s %s", rd.Kind, fmtV(rd.Value), rd.Unit, rd.Status); got != w {
						t.Errorf("%s = %s, want %s", key, got, w)
					}
					if strings.HasPrefix(name, "FAN") && (rd.Thresholds == nil || rd.Redundant != "fans") {
						t.Errorf("%s: thresholds %v, redundancy %q; want the Sensor's thresholds and fans", key, rd.Thresholds, rd.Redundant)
					}
					if strings.HasPrefix(name, "PSU") && (strings.Join(rd.States, ",") != "Enabled" || rd.Redundant != "psus") {
						t.Errorf("%s: states %q, redundancy %q; want PowerSubsystem's Enabled and psus", key, rd.States, rd.Redundant)
					}
				}
			}
			// The sensors above, plus each chassis's and the system's rollup.
			if n, w := len(p.Readings), len(tc.prefixes)*len(want)+len(tc.chassis)+1; n != w {
				t.Errorf("%d readings, want %d: %s", n, w, descr(p.Readings))
			}
		})
	}
}

// TestMockupsEachSensorOnce: the DMTF mockups, served by the simulator.
// Every member of a chassis's Sensors collection is one reading; a
// ThermalSubsystem fan whose DataSourceUri names one of them is that
// reading, not a second one; entries of one name and kind in several
// views of a chassis are one reading; and nothing else is dropped: the
// number of readings is the number of distinct sensors the files describe.
func TestMockupsEachSensorOnce(t *testing.T) {
	for _, tc := range []struct {
		name     string
		noExpand bool
	}{{redfishsim.MockupRackmount, false}, {redfishsim.MockupTower, false}, {redfishsim.MockupRackmount, true}} {
		t.Run(fmt.Sprintf("%s/no-expand=%v", tc.name, tc.noExpand), func(t *testing.T) {
			dir := mockupDir(t, tc.name)
			sim := startSim(t, redfishsim.Config{Mockup: dir})
			r := newReader(sim, func(c *Config) { c.NoExpand = tc.noExpand })
			defer r.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			p, err := r.Poll(ctx)
			if err != nil {
				t.Fatal(err)
			}
			uniqueKeys(t, p)
			named := map[string]int{}
			for _, rd := range p.Readings {
				named[rd.Name]++
			}

			distinct := map[string]bool{} // chassis|kind-ish|lower name
			rollups := 0
			chassis, _ := filepath.Glob(filepath.Join(dir, "Chassis/*/index.json"))
			for _, c := range chassis {
				cd := filepath.Dir(c)
				id := filepath.Base(cd)
				rollups++
				sensorName := map[string]string{} // @odata.id -> Name
				coll := filepath.Join(cd, "Sensors/index.json")
				if _, err := os.Stat(coll); err == nil {
					for _, m := range readJSON(t, coll)["Members"].([]any) {
						path := m.(map[string]any)["@odata.id"].(string)
						o := readJSON(t, filepath.Join(dir, strings.TrimPrefix(path, "/redfish/v1/"), "index.json"))
						name := o["Name"].(string)
						sensorName[path] = name
						if named[name] != 1 {
							t.Errorf("Sensor %s (%q): %d readings, want 1", path, name, named[name])
						}
						distinct[id+"|"+strings.ToLower(name)] = true
					}
				}
				fans, _ := filepath.Glob(filepath.Join(cd, "ThermalSubsystem/Fans/*/index.json"))
				for _, f := range fans {
					o := readJSON(t, f)
					name := o["Name"].(string)
					sp, _ := o["SpeedPercent"].(map[string]any)
					src, _ := sp["DataSourceUri"].(string)
					if sn, ok := sensorName[src]; ok {
						if sn != name && named[name] != 0 {
							t.Errorf("fan %q, whose reading is Sensor %s (%q), is a reading of its own too", name, src, sn)
						}
						continue
					}
					distinct[id+"|"+strings.ToLower(name)] = true
				}
				psus, _ := filepath.Glob(filepath.Join(cd, "PowerSubsystem/PowerSupplies/*/index.json"))
				for _, f := range psus {
					distinct[id+"|"+strings.ToLower(readJSON(t, f)["Name"].(string))] = true
				}
				if th := filepath.Join(cd, "Thermal/index.json"); fileExists(th) {
					o := readJSON(t, th)
					for _, arr := range []string{"Temperatures", "Fans"} {
						for _, x := range o[arr].([]any) {
							distinct[id+"|"+strings.ToLower(x.(map[string]any)["Name"].(string))] = true
						}
					}
				}
				if pw := filepath.Join(cd, "Power/index.json"); fileExists(pw) {
					o := readJSON(t, pw)
					for _, arr := range []string{"Voltages", "PowerSupplies"} {
						for _, x := range o[arr].([]any) {
							distinct[id+"|"+strings.ToLower(x.(map[string]any)["Name"].(string))] = true
						}
					}
				}
			}
			systems, _ := filepath.Glob(filepath.Join(dir, "Systems/*/index.json"))
			rollups += len(systems)
			for name, n := range named {
				if n > 1 {
					t.Errorf("%q: %d readings (one chassis per mockup), want 1", name, n)
				}
			}
			if n, w := len(p.Readings), len(distinct)+rollups; n != w {
				t.Errorf("%d readings, want %d distinct sensors and rollups: %s", n, w, descr(p.Readings))
			}
			t.Logf("%s: %d readings for %d distinct sensors and %d rollups", tc.name, len(p.Readings), len(distinct), rollups)
		})
	}
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }
