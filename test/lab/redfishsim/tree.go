package redfishsim

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

const root = "/redfish/v1"

// DefaultResetTypes are the ResetTypes the built-in systems accept.
var DefaultResetTypes = []string{"On", "ForceOff", "GracefulShutdown", "GracefulRestart", "ForceRestart", "Nmi", "PowerCycle", "PushPowerButton"}

type obj = map[string]any

func link(p string) obj { return obj{"@odata.id": p} }

func links(ps ...string) []any {
	out := make([]any, 0, len(ps))
	for _, p := range ps {
		out = append(out, link(p))
	}
	return out
}

func status(health string) obj {
	return obj{"State": "Enabled", "Health": health}
}

func statusRollup() obj {
	return obj{"State": "Enabled", "Health": "OK", "HealthRollup": "OK"}
}

// put stores o at p (its @odata.id).
func (s *Sim) put(p string, o obj) obj {
	o["@odata.id"] = p
	s.res[p] = o
	return o
}

func (s *Sim) collection(p, typ, name string, members ...string) obj {
	return s.put(p, obj{
		"@odata.type":         "#" + typ + "." + typ,
		"Name":                name,
		"Members":             links(members...),
		"Members@odata.count": len(members),
	})
}

func (s *Sim) addMember(coll, member string) {
	c := s.res[coll]
	if c == nil {
		return
	}
	ms, _ := c["Members"].([]any)
	ms = append(ms, link(member))
	c["Members"] = ms
	c["Members@odata.count"] = len(ms)
}

func (s *Sim) removeMember(coll, member string) {
	c := s.res[coll]
	if c == nil {
		return
	}
	ms, _ := c["Members"].([]any)
	ms = slices.DeleteFunc(ms, func(m any) bool {
		mo, _ := m.(obj)
		return mo != nil && mo["@odata.id"] == member
	})
	c["Members"] = ms
	c["Members@odata.count"] = len(ms)
}

var nonAlnum = regexp.MustCompile(`[^A-Za-z0-9]+`)

func sensorID(name string) string { return nonAlnum.ReplaceAllString(name, "") }

func (s *Sim) newID() string {
	id := strconv.Itoa(s.nextID)
	s.nextID++
	return id
}

// buildTree creates the built-in resource tree from the Config.
func (s *Sim) buildTree() error {
	cfg := &s.cfg
	if len(cfg.Chassis) == 0 {
		cfg.Chassis = []Chassis{DefaultChassis("1")}
	}
	if len(cfg.Systems) == 0 {
		cfg.Systems = []System{{ID: "1"}}
	}
	chassisIDs := map[string]bool{}
	for i, c := range cfg.Chassis {
		if c.ID == "" || strings.ContainsAny(c.ID, "/?#") || chassisIDs[c.ID] {
			return fmt.Errorf("redfishsim: chassis %d: bad or duplicate ID %q", i, c.ID)
		}
		chassisIDs[c.ID] = true
	}
	sysIDs := map[string]bool{}
	for i := range cfg.Systems {
		sys := &cfg.Systems[i]
		if sys.ID == "" || strings.ContainsAny(sys.ID, "/?#") || sysIDs[sys.ID] {
			return fmt.Errorf("redfishsim: system %d: bad or duplicate ID %q", i, sys.ID)
		}
		sysIDs[sys.ID] = true
		if sys.Chassis == "" {
			if i < len(cfg.Chassis) {
				sys.Chassis = cfg.Chassis[i].ID
			} else {
				sys.Chassis = cfg.Chassis[0].ID
			}
		}
		if !chassisIDs[sys.Chassis] {
			return fmt.Errorf("redfishsim: system %q: unknown chassis %q", sys.ID, sys.Chassis)
		}
	}
	mgr := root + "/Managers/" + cfg.ManagerID

	s.put(root, obj{
		"@odata.type":    "#ServiceRoot.v1_15_0.ServiceRoot",
		"Id":             "RootService",
		"Name":           "Root Service",
		"RedfishVersion": "1.17.0",
		"UUID":           uuid(),
		"Vendor":         "vigil lab",
		"Product":        "redfishsim",
		"ProtocolFeaturesSupported": obj{
			"ExpandQuery": obj{"ExpandAll": true, "Levels": false, "Links": true, "NoLinks": true, "MaxLevels": 1},
			"SelectQuery": false, "FilterQuery": false, "OnlyMemberQuery": false, "ExcerptQuery": false,
		},
		"Systems":  link(root + "/Systems"),
		"Chassis":  link(root + "/Chassis"),
		"Managers": link(root + "/Managers"),
	})

	var sysPaths, chassisPaths []string
	for _, sys := range cfg.Systems {
		sysPaths = append(sysPaths, root+"/Systems/"+sys.ID)
	}
	for _, c := range cfg.Chassis {
		chassisPaths = append(chassisPaths, root+"/Chassis/"+c.ID)
	}
	s.collection(root+"/Systems", "ComputerSystemCollection", "Computer System Collection", sysPaths...)
	s.collection(root+"/Chassis", "ChassisCollection", "Chassis Collection", chassisPaths...)
	s.collection(root+"/Managers", "ManagerCollection", "Manager Collection", mgr)

	for _, sys := range cfg.Systems {
		p := root + "/Systems/" + sys.ID
		power := "On"
		if sys.Off {
			power = "Off"
		}
		s.put(p, obj{
			"@odata.type":  "#ComputerSystem.v1_20_0.ComputerSystem",
			"Id":           sys.ID,
			"Name":         "System " + sys.ID,
			"SystemType":   "Physical",
			"Manufacturer": "vigil lab",
			"Model":        "redfishsim",
			"SerialNumber": "SIM" + sensorID(sys.ID),
			"UUID":         uuid(),
			"HostName":     "host-" + sys.ID,
			"BiosVersion":  "1.0.0",
			"PowerState":   power,
			"Status":       statusRollup(),
			"ProcessorSummary": obj{
				"Count": 2, "Model": "Simulated CPU", "LogicalProcessorCount": 16,
				"Status": statusRollup(),
			},
			"MemorySummary": obj{"TotalSystemMemoryGiB": 64, "Status": statusRollup()},
			"Actions": obj{
				"#ComputerSystem.Reset": obj{
					"target":                            p + "/Actions/ComputerSystem.Reset",
					"ResetType@Redfish.AllowableValues": DefaultResetTypes,
				},
			},
			"Memory": link(p + "/Memory"),
			"Links": obj{
				"Chassis":   links(root + "/Chassis/" + sys.Chassis),
				"ManagedBy": links(mgr),
			},
		})
		s.buildMemory(p, sys.Memory)
	}

	for _, c := range cfg.Chassis {
		var systems []string
		for _, sys := range cfg.Systems {
			if sys.Chassis == c.ID {
				systems = append(systems, root+"/Systems/"+sys.ID)
			}
		}
		s.buildChassis(c, systems, mgr)
	}

	s.put(mgr, obj{
		"@odata.type":     "#Manager.v1_15_0.Manager",
		"Id":              cfg.ManagerID,
		"Name":            "BMC",
		"ManagerType":     "BMC",
		"Model":           "redfishsim",
		"FirmwareVersion": "1.0.0",
		"PowerState":      "On",
		"Status":          status("OK"),
		"LogServices":     link(mgr + "/LogServices"),
		"Links": obj{
			"ManagerForServers": links(sysPaths...),
			"ManagerForChassis": links(chassisPaths...),
		},
	})
	sel := mgr + "/LogServices/SEL"
	s.collection(mgr+"/LogServices", "LogServiceCollection", "Log Service Collection", sel)
	s.put(sel, obj{
		"@odata.type":        "#LogService.v1_3_0.LogService",
		"Id":                 "SEL",
		"Name":               "System Event Log",
		"LogEntryType":       "SEL",
		"MaxNumberOfRecords": 1000,
		"OverWritePolicy":    "WrapsWhenFull",
		"ServiceEnabled":     true,
		"Status":             status("OK"),
		"Entries":            link(sel + "/Entries"),
		"Actions": obj{
			"#LogService.ClearLog": obj{"target": sel + "/Actions/LogService.ClearLog"},
		},
	})
	s.collection(sel+"/Entries", "LogEntryCollection", "System Event Log Entries")
	s.selPath = sel

	s.put(root+"/odata", obj{
		"@odata.context": root + "/$metadata",
		"value": []any{
			obj{"name": "Service", "kind": "Singleton", "url": root + "/"},
			obj{"name": "Systems", "kind": "Singleton", "url": root + "/Systems"},
			obj{"name": "Chassis", "kind": "Singleton", "url": root + "/Chassis"},
			obj{"name": "Managers", "kind": "Singleton", "url": root + "/Managers"},
			obj{"name": "SessionService", "kind": "Singleton", "url": root + "/SessionService"},
			obj{"name": "EventService", "kind": "Singleton", "url": root + "/EventService"},
			obj{"name": "TaskService", "kind": "Singleton", "url": root + "/TaskService"},
		},
	})
	delete(s.res[root+"/odata"], "@odata.id")
	s.raw[root+"/$metadata"] = []byte(metadataXML)
	return nil
}

const metadataXML = `<?xml version="1.0" encoding="UTF-8"?>
<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0">
  <edmx:Reference Uri="http://redfish.dmtf.org/schemas/v1/ServiceRoot_v1.xml">
    <edmx:Include Namespace="ServiceRoot"/>
    <edmx:Include Namespace="ServiceRoot.v1_15_0"/>
  </edmx:Reference>
  <edmx:DataServices>
    <Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="Service">
      <EntityContainer Name="Service" Extends="ServiceRoot.v1_15_0.ServiceContainer"/>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`

func thresholdsFlat(o obj, sn Sensor) {
	set := func(k string, v *float64) {
		if v != nil {
			o[k] = *v
		}
	}
	set("LowerThresholdFatal", sn.LowerFatal)
	set("LowerThresholdCritical", sn.LowerCritical)
	set("LowerThresholdNonCritical", sn.LowerCaution)
	set("UpperThresholdNonCritical", sn.UpperCaution)
	set("UpperThresholdCritical", sn.UpperCritical)
	set("UpperThresholdFatal", sn.UpperFatal)
}

func thresholdsSensor(sn Sensor) obj {
	t := obj{}
	set := func(k string, v *float64) {
		if v != nil {
			t[k] = obj{"Reading": *v}
		}
	}
	set("LowerFatal", sn.LowerFatal)
	set("LowerCritical", sn.LowerCritical)
	set("LowerCaution", sn.LowerCaution)
	set("UpperCaution", sn.UpperCaution)
	set("UpperCritical", sn.UpperCritical)
	set("UpperFatal", sn.UpperFatal)
	return t
}

func physicalContext(name, def string) string {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "cpu"):
		return "CPU"
	case strings.Contains(n, "inlet") || strings.Contains(n, "intake") || strings.Contains(n, "ambient"):
		return "Intake"
	case strings.Contains(n, "exhaust"):
		return "Exhaust"
	case strings.Contains(n, "dimm") || strings.Contains(n, "mem"):
		return "Memory"
	}
	return def
}

func (s *Sim) buildChassis(c Chassis, systems []string, mgr string) {
	p := root + "/Chassis/" + c.ID
	s.put(p, obj{
		"@odata.type":      "#Chassis.v1_21_0.Chassis",
		"Id":               c.ID,
		"Name":             "Chassis " + c.ID,
		"ChassisType":      "RackMount",
		"Manufacturer":     "vigil lab",
		"Model":            "redfishsim",
		"SerialNumber":     "CH" + sensorID(c.ID),
		"PowerState":       "On",
		"Status":           statusRollup(),
		"Thermal":          link(p + "/Thermal"),
		"Power":            link(p + "/Power"),
		"ThermalSubsystem": link(p + "/ThermalSubsystem"),
		"PowerSubsystem":   link(p + "/PowerSubsystem"),
		"Sensors":          link(p + "/Sensors"),
		"Links": obj{
			"ComputerSystems": links(systems...),
			"ManagedBy":       links(mgr),
		},
	})
	var sensorPaths []string
	sensorNum := 1
	addSensor := func(sn Sensor, typ, unit, ctx string) string {
		sp := p + "/Sensors/" + sensorID(sn.Name)
		s.put(sp, obj{
			"@odata.type":     "#Sensor.v1_7_0.Sensor",
			"Id":              sensorID(sn.Name),
			"Name":            sn.Name,
			"ReadingType":     typ,
			"ReadingUnits":    unit,
			"Reading":         sn.Reading,
			"PhysicalContext": ctx,
			"Status":          status("OK"),
			"Thresholds":      thresholdsSensor(sn),
		})
		sensorPaths = append(sensorPaths, sp)
		return sp
	}

	var temps, fans, volts, psus []any
	for i, sn := range c.Temperatures {
		ctx := physicalContext(sn.Name, "SystemBoard")
		t := obj{
			"@odata.id":           fmt.Sprintf("%s/Thermal#/Temperatures/%d", p, i),
			"MemberId":            strconv.Itoa(i),
			"Name":                sn.Name,
			"SensorNumber":        sensorNum,
			"Status":              status("OK"),
			"ReadingCelsius":      sn.Reading,
			"MinReadingRangeTemp": 0,
			"MaxReadingRangeTemp": 125,
			"PhysicalContext":     ctx,
		}
		sensorNum++
		thresholdsFlat(t, sn)
		temps = append(temps, t)
		addSensor(sn, "Temperature", "Cel", ctx)
	}
	var fanPaths []string
	for i, sn := range c.Fans {
		f := obj{
			"@odata.id":       fmt.Sprintf("%s/Thermal#/Fans/%d", p, i),
			"MemberId":        strconv.Itoa(i),
			"Name":            sn.Name,
			"SensorNumber":    sensorNum,
			"Status":          status("OK"),
			"Reading":         sn.Reading,
			"ReadingUnits":    "RPM",
			"MinReadingRange": 0,
			"MaxReadingRange": 12000,
			"PhysicalContext": "Backplane",
		}
		sensorNum++
		thresholdsFlat(f, sn)
		fans = append(fans, f)
		sp := addSensor(sn, "Rotational", "RPM", "Fan")
		fp := p + "/ThermalSubsystem/Fans/" + sensorID(sn.Name)
		s.put(fp, obj{
			"@odata.type":     "#Fan.v1_5_0.Fan",
			"Id":              sensorID(sn.Name),
			"Name":            sn.Name,
			"PhysicalContext": "Backplane",
			"HotPluggable":    true,
			"Status":          status("OK"),
			"SpeedPercent": obj{
				"Reading":       pct(sn.Reading),
				"SpeedRPM":      sn.Reading,
				"DataSourceUri": sp,
			},
		})
		fanPaths = append(fanPaths, fp)
	}
	for i, sn := range c.Voltages {
		v := obj{
			"@odata.id":       fmt.Sprintf("%s/Power#/Voltages/%d", p, i),
			"MemberId":        strconv.Itoa(i),
			"Name":            sn.Name,
			"SensorNumber":    sensorNum,
			"Status":          status("OK"),
			"ReadingVolts":    sn.Reading,
			"MinReadingRange": 0,
			"MaxReadingRange": sn.Reading * 2,
			"PhysicalContext": "VoltageRegulator",
		}
		sensorNum++
		thresholdsFlat(v, sn)
		volts = append(volts, v)
		addSensor(sn, "Voltage", "V", "VoltageRegulator")
	}
	var psuPaths []string
	var consumed, capacity float64
	for i, ps := range c.PowerSupplies {
		consumed += ps.InputWatts
		capacity += ps.CapacityWatts
		psus = append(psus, obj{
			"@odata.id":            fmt.Sprintf("%s/Power#/PowerSupplies/%d", p, i),
			"MemberId":             strconv.Itoa(i),
			"Name":                 ps.Name,
			"Status":               status("OK"),
			"PowerSupplyType":      "AC",
			"LineInputVoltageType": "ACWideRange",
			"LineInputVoltage":     ps.InputVolts,
			"PowerCapacityWatts":   ps.CapacityWatts,
			"PowerInputWatts":      ps.InputWatts,
			"PowerOutputWatts":     ps.OutputWatts,
			"LastPowerOutputWatts": ps.OutputWatts,
			"Manufacturer":         "vigil lab",
			"Model":                "SIM-PSU-800",
			"SerialNumber":         fmt.Sprintf("PSU%s%d", sensorID(c.ID), i),
			"FirmwareVersion":      "1.0",
			"HotPluggable":         true,
		})
		pp := p + "/PowerSubsystem/PowerSupplies/" + sensorID(ps.Name)
		s.put(pp, obj{
			"@odata.type":        "#PowerSupply.v1_5_0.PowerSupply",
			"Id":                 sensorID(ps.Name),
			"Name":               ps.Name,
			"Status":             status("OK"),
			"PowerSupplyType":    "AC",
			"LineInputStatus":    "Normal",
			"PowerCapacityWatts": ps.CapacityWatts,
			"Manufacturer":       "vigil lab",
			"Model":              "SIM-PSU-800",
			"HotPluggable":       true,
			"Metrics":            link(pp + "/Metrics"),
		})
		s.put(pp+"/Metrics", obj{
			"@odata.type":      "#PowerSupplyMetrics.v1_0_1.PowerSupplyMetrics",
			"Id":               "Metrics",
			"Name":             ps.Name + " Metrics",
			"Status":           status("OK"),
			"InputVoltage":     obj{"Reading": ps.InputVolts},
			"InputPowerWatts":  obj{"Reading": ps.InputWatts},
			"OutputPowerWatts": obj{"Reading": ps.OutputWatts},
		})
		psuPaths = append(psuPaths, pp)
	}
	thermal := obj{
		"@odata.type":  "#Thermal.v1_7_1.Thermal",
		"Id":           "Thermal",
		"Name":         "Thermal",
		"Temperatures": nonNil(temps),
		"Fans":         nonNil(fans),
	}
	thermalSub := obj{
		"@odata.type": "#ThermalSubsystem.v1_3_0.ThermalSubsystem",
		"Id":          "ThermalSubsystem",
		"Name":        "Thermal Subsystem",
		"Status":      statusRollup(),
		"Fans":        link(p + "/ThermalSubsystem/Fans"),
	}
	if len(fans) > 1 {
		// N+1 fans: one may fail without loss of cooling.
		red := p + "/Thermal#/Redundancy/0"
		var set []any
		for _, f := range fans {
			fo := f.(obj)
			set = append(set, link(fo["@odata.id"].(string)))
			fo["Redundancy"] = links(red)
		}
		thermal["Redundancy"] = []any{obj{
			"@odata.id":       red,
			"MemberId":        "0",
			"Name":            "Fan Redundancy Group 1",
			"Mode":            "N+m",
			"MaxNumSupported": len(fans),
			"MinNumNeeded":    len(fans) - 1,
			"RedundancySet":   set,
			"Status":          status("OK"),
		}}
		thermalSub["FanRedundancy"] = []any{obj{
			"RedundancyType":             "NPlusM",
			"MaxSupportedInGroup":        len(fans),
			"MinNeededInGroup":           len(fans) - 1,
			"MinNeededForFaultTolerance": len(fans),
			"RedundancyGroup":            links(fanPaths...),
			"Status":                     status("OK"),
		}}
	}
	s.put(p+"/Thermal", thermal)
	power := obj{
		"@odata.type": "#Power.v1_7_1.Power",
		"Id":          "Power",
		"Name":        "Power",
		"PowerControl": []any{obj{
			"@odata.id":          p + "/Power#/PowerControl/0",
			"MemberId":           "0",
			"Name":               "System Input Power",
			"PowerConsumedWatts": consumed,
			"PowerCapacityWatts": capacity,
			"Status":             status("OK"),
		}},
		"Voltages":      nonNil(volts),
		"PowerSupplies": nonNil(psus),
	}
	if len(psus) > 1 {
		var set []any
		for i := range psus {
			set = append(set, link(fmt.Sprintf("%s/Power#/PowerSupplies/%d", p, i)))
			psus[i].(obj)["Redundancy"] = links(p + "/Power#/Redundancy/0")
		}
		power["Redundancy"] = []any{obj{
			"@odata.id":       p + "/Power#/Redundancy/0",
			"MemberId":        "0",
			"Name":            "PowerSupply Redundancy Group 1",
			"Mode":            "N+m",
			"MaxNumSupported": len(psus),
			"MinNumNeeded":    len(psus) - 1,
			"RedundancySet":   set,
			"Status":          status("OK"),
		}}
	}
	s.put(p+"/Power", power)
	s.put(p+"/ThermalSubsystem", thermalSub)
	s.collection(p+"/ThermalSubsystem/Fans", "FanCollection", "Fan Collection", fanPaths...)
	powerSub := s.put(p+"/PowerSubsystem", obj{
		"@odata.type":   "#PowerSubsystem.v1_1_0.PowerSubsystem",
		"Id":            "PowerSubsystem",
		"Name":          "Power Subsystem",
		"Status":        statusRollup(),
		"CapacityWatts": capacity,
		"PowerSupplies": link(p + "/PowerSubsystem/PowerSupplies"),
	})
	if len(psuPaths) > 1 {
		powerSub["PowerSupplyRedundancy"] = []any{obj{
			"RedundancyType":             "NPlusM",
			"MaxSupportedInGroup":        len(psuPaths),
			"MinNeededInGroup":           len(psuPaths) - 1,
			"MinNeededForFaultTolerance": len(psuPaths),
			"RedundancyGroup":            links(psuPaths...),
			"Status":                     status("OK"),
		}}
	}
	s.collection(p+"/PowerSubsystem/PowerSupplies", "PowerSupplyCollection", "Power Supply Collection", psuPaths...)
	s.collection(p+"/Sensors", "SensorCollection", "Sensor Collection", sensorPaths...)
}

func nonNil(a []any) []any {
	if a == nil {
		return []any{}
	}
	return a
}

// pct converts fan RPM to percent of the built-in fans' 12000 RPM maximum.
func pct(rpm float64) float64 { return float64(int(rpm/12000*100 + 0.5)) }

func uuid() string {
	h := randHex(16)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// loadMockup reads every DIR/**/index.json as the resource at the same path
// under /redfish/v1, and $metadata/index.xml as the metadata document.
func (s *Sim) loadMockup(dir string) error {
	st, err := os.Stat(filepath.Join(dir, "index.json"))
	if err != nil {
		return fmt.Errorf("redfishsim: mockup %s: %w", dir, err)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("redfishsim: mockup %s: index.json is not a file", dir)
	}
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, filepath.Dir(path))
		if err != nil {
			return err
		}
		p := root
		if rel != "." {
			p += "/" + filepath.ToSlash(rel)
		}
		switch d.Name() {
		case "index.json":
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			var o obj
			if err := json.Unmarshal(b, &o); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			s.res[p] = o
		case "index.xml":
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			s.raw[p] = b
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("redfishsim: mockup %s: %w", dir, err)
	}
	// Entries of existing logs get numbers after theirs.
	s.nextID = 1000
	// The SEL goes to the first Manager's log service, else a new one.
	var logs []string
	for p, o := range s.res {
		if strings.HasPrefix(p, root+"/Managers/") && isType(o, "LogService") {
			logs = append(logs, p)
		}
	}
	sort.Strings(logs)
	for _, p := range logs {
		if s.res[p]["Id"] == "SEL" || s.res[p]["LogEntryType"] == "SEL" {
			s.selPath = p
			break
		}
	}
	if s.selPath == "" && len(logs) > 0 {
		s.selPath = logs[0]
	}
	if s.selPath == "" {
		var mgrs []string
		for p, o := range s.res {
			if isType(o, "Manager") {
				mgrs = append(mgrs, p)
			}
		}
		sort.Strings(mgrs)
		if len(mgrs) > 0 {
			m := mgrs[0]
			sel := m + "/LogServices/SEL"
			if s.res[m+"/LogServices"] == nil {
				s.collection(m+"/LogServices", "LogServiceCollection", "Log Service Collection")
				s.res[m]["LogServices"] = link(m + "/LogServices")
			}
			s.addMember(m+"/LogServices", sel)
			s.put(sel, obj{
				"@odata.type":  "#LogService.v1_3_0.LogService",
				"Id":           "SEL",
				"Name":         "System Event Log",
				"LogEntryType": "SEL",
				"Status":       status("OK"),
				"Entries":      link(sel + "/Entries"),
			})
			s.selPath = sel
		}
	}
	if s.selPath != "" {
		entries := s.selPath + "/Entries"
		if e, ok := s.res[s.selPath]["Entries"].(obj); ok {
			if p, ok := e["@odata.id"].(string); ok {
				entries = p
			}
		}
		if s.res[entries] == nil {
			s.collection(entries, "LogEntryCollection", "Log Entries")
		}
		acts, _ := s.res[s.selPath]["Actions"].(obj)
		if acts == nil {
			acts = obj{}
			s.res[s.selPath]["Actions"] = acts
		}
		if acts["#LogService.ClearLog"] == nil {
			acts["#LogService.ClearLog"] = obj{"target": s.selPath + "/Actions/LogService.ClearLog"}
		}
	}
	return nil
}

// isType reports whether o's @odata.type is #T.vX.T (a resource, not T's
// collection).
func isType(o obj, t string) bool {
	typ, _ := o["@odata.type"].(string)
	return strings.HasPrefix(typ, "#"+t+".") && strings.HasSuffix(typ, "."+t)
}

// addServices adds, in both modes, the SessionService, EventService and
// TaskService the simulator implements (keeping a mockup's own resources).
func (s *Sim) addServices() {
	r := s.res[root]
	if s.cfg.NoSessionService {
		for p := range s.res {
			if p == root+"/SessionService" || strings.HasPrefix(p, root+"/SessionService/") {
				delete(s.res, p)
			}
		}
		delete(r, "SessionService")
		if l, ok := r["Links"].(obj); ok {
			delete(l, "Sessions")
		}
	} else {
		if s.res[root+"/SessionService"] == nil {
			s.put(root+"/SessionService", obj{
				"@odata.type":    "#SessionService.v1_1_8.SessionService",
				"Id":             "SessionService",
				"Name":           "Session Service",
				"ServiceEnabled": true,
				"Status":         status("OK"),
				"Sessions":       link(root + "/SessionService/Sessions"),
			})
		}
		s.res[root+"/SessionService"]["SessionTimeout"] = int(s.cfg.SessionTimeout.Seconds())
		if s.res[root+"/SessionService/Sessions"] == nil {
			s.collection(root+"/SessionService/Sessions", "SessionCollection", "Session Collection")
		}
		r["SessionService"] = link(root + "/SessionService")
		l, _ := r["Links"].(obj)
		if l == nil {
			l = obj{}
			r["Links"] = l
		}
		l["Sessions"] = link(root + "/SessionService/Sessions")
	}

	es := s.res[root+"/EventService"]
	if es == nil {
		es = s.put(root+"/EventService", obj{
			"@odata.type":    "#EventService.v1_7_0.EventService",
			"Id":             "EventService",
			"Name":           "Event Service",
			"ServiceEnabled": true,
			"Status":         status("OK"),
			"EventTypesForSubscription": []any{
				"StatusChange", "ResourceUpdated", "ResourceAdded", "ResourceRemoved", "Alert",
			},
		})
	}
	es["DeliveryRetryAttempts"] = s.cfg.PushRetries
	es["DeliveryRetryIntervalSeconds"] = max(1, int(s.cfg.PushRetryInterval.Seconds()+0.999))
	if _, ok := es["ServerSentEventUri"].(string); !ok {
		es["ServerSentEventUri"] = root + "/EventService/SSE"
	}
	es["Subscriptions"] = link(root + "/EventService/Subscriptions")
	acts, _ := es["Actions"].(obj)
	if acts == nil {
		acts = obj{}
		es["Actions"] = acts
	}
	if acts["#EventService.SubmitTestEvent"] == nil {
		acts["#EventService.SubmitTestEvent"] = obj{"target": root + "/EventService/Actions/EventService.SubmitTestEvent"}
	}
	if acts["#EventService.TestEventSubscription"] == nil {
		acts["#EventService.TestEventSubscription"] = obj{"target": root + "/EventService/Actions/EventService.TestEventSubscription"}
	}
	if s.res[root+"/EventService/Subscriptions"] == nil {
		s.collection(root+"/EventService/Subscriptions", "EventDestinationCollection", "Event Subscriptions Collection")
	}
	r["EventService"] = link(root + "/EventService")

	if s.res[root+"/TaskService"] == nil {
		s.put(root+"/TaskService", obj{
			"@odata.type":                     "#TaskService.v1_2_0.TaskService",
			"Id":                              "TaskService",
			"Name":                            "Task Service",
			"ServiceEnabled":                  true,
			"CompletedTaskOverWritePolicy":    "Oldest",
			"LifeCycleEventOnTaskStateChange": true,
			"Status":                          status("OK"),
			"Tasks":                           link(root + "/TaskService/Tasks"),
		})
	}
	if s.res[root+"/TaskService/Tasks"] == nil {
		s.collection(root+"/TaskService/Tasks", "TaskCollection", "Task Collection")
	}
	r["Tasks"] = link(root + "/TaskService")
}

// buildMemory adds a system's DIMMs with MemoryMetrics error counters.
func (s *Sim) buildMemory(sys string, names []string) {
	if len(names) == 0 {
		names = []string{"DIMM A1", "DIMM B1"}
	}
	var paths []string
	for _, n := range names {
		p := sys + "/Memory/" + sensorID(n)
		counts := func() obj { return obj{"CorrectableECCErrorCount": 0, "UncorrectableECCErrorCount": 0} }
		s.put(p, obj{
			"@odata.type":       "#Memory.v1_17_0.Memory",
			"Id":                sensorID(n),
			"Name":              n,
			"DeviceLocator":     n,
			"MemoryDeviceType":  "DDR4",
			"MemoryType":        "DRAM",
			"CapacityMiB":       32768,
			"ErrorCorrection":   "MultiBitECC",
			"OperatingSpeedMhz": 3200,
			"Status":            status("OK"),
			"Metrics":           link(p + "/MemoryMetrics"),
		})
		s.put(p+"/MemoryMetrics", obj{
			"@odata.type": "#MemoryMetrics.v1_7_0.MemoryMetrics",
			"Id":          "MemoryMetrics",
			"Name":        n + " Metrics",
			"HealthData": obj{"AlarmTrips": obj{
				"AddressParityError": false, "CorrectableECCError": false, "SpareBlock": false,
				"Temperature": false, "UncorrectableECCError": false,
			}},
			"CurrentPeriod": counts(),
			"LifeTime":      counts(),
		})
		paths = append(paths, p)
	}
	s.collection(sys+"/Memory", "MemoryCollection", "Memory Module Collection", paths...)
}
