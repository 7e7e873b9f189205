package host

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/sensors"
)

// Config names the filesystem roots to read; tests point them at fixture
// trees.
type Config struct {
	SysfsRoot  string // default /sys
	ProcfsRoot string // default /proc
	Target     string // default: the hostname
	Now        func() time.Time
}

// Reader reads the host's kernel view. It keeps no state between polls:
// counters are reported as they are (since boot) and health turns them
// into rates.
type Reader struct{ cfg Config }

// New returns a Reader for cfg.
func New(cfg Config) *Reader {
	if cfg.SysfsRoot == "" {
		cfg.SysfsRoot = "/sys"
	}
	if cfg.ProcfsRoot == "" {
		cfg.ProcfsRoot = "/proc"
	}
	if cfg.Target == "" {
		cfg.Target, _ = os.Hostname()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Reader{cfg: cfg}
}

// Close implements sensors.Reader.
func (r *Reader) Close() error { return nil }

// Poll reads EDAC, hwmon, thermal zones, machine checks and disk I/O error
// counters. What is absent on this machine (no EDAC driver, no hwmon) is
// simply not reported; what is unreadable is listed in Poll.Skipped.
func (r *Reader) Poll(ctx context.Context) (*sensors.Poll, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	now := r.cfg.Now()
	p := &sensors.Poll{Source: sensors.SourceHost, Target: r.cfg.Target, Time: now,
		Readings: []sensors.Reading{}, Events: []sensors.Event{}}
	r.edac(p)
	r.hwmon(p)
	r.thermal(p)
	r.mce(p)
	r.disks(p)
	for i := range p.Readings {
		p.Readings[i].Source = sensors.SourceHost
		p.Readings[i].Time = now
	}
	return p, nil
}

func readString(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}

func readInt(path string) (int64, error) {
	s, err := readString(path)
	if err != nil {
		return 0, err
	}
	if strings.HasPrefix(s, "0x") {
		return strconv.ParseInt(s[2:], 16, 64)
	}
	return strconv.ParseInt(s, 10, 64)
}

// optScaled reads an optional integer file scaled by div, nil when absent.
func optScaled(path string, div float64) *float64 {
	v, err := readInt(path)
	if err != nil {
		return nil
	}
	return sensors.F(float64(v) / div)
}

func glob(pattern string) []string {
	m, _ := filepath.Glob(pattern)
	sort.Strings(m)
	return m
}

func val(v float64) *float64 { return &v }

// edac reads /sys/devices/system/edac/mc/mc*/dimm*/dimm_{ce,ue}_count (and
// the per-controller totals when a driver exposes no DIMMs).
func (r *Reader) edac(p *sensors.Poll) {
	for _, mc := range glob(filepath.Join(r.cfg.SysfsRoot, "devices/system/edac/mc/mc[0-9]*")) {
		mcName := filepath.Base(mc)
		dimms := glob(filepath.Join(mc, "dimm[0-9]*"))
		if len(dimms) == 0 {
			dimms = glob(filepath.Join(mc, "rank[0-9]*"))
		}
		if len(dimms) == 0 {
			r.edacCounts(p, mcName, mcName, filepath.Join(mc, "ce_count"), filepath.Join(mc, "ue_count"))
			continue
		}
		for _, d := range dimms {
			prefix := "dimm"
			if strings.HasPrefix(filepath.Base(d), "rank") {
				prefix = "rank"
			}
			comp := mcName + "/" + filepath.Base(d)
			label := comp
			if l, err := readString(filepath.Join(d, prefix+"_label")); err == nil && l != "" {
				label = l
			}
			r.edacCounts(p, comp, label, filepath.Join(d, prefix+"_ce_count"), filepath.Join(d, prefix+"_ue_count"))
		}
	}
}

func (r *Reader) edacCounts(p *sensors.Poll, comp, label, cePath, uePath string) {
	ce, errCE := readInt(cePath)
	ue, errUE := readInt(uePath)
	if errCE != nil && errUE != nil {
		p.Skipped = append(p.Skipped, fmt.Sprintf("edac %s: %v", comp, errCE))
		return
	}
	if errCE == nil {
		p.Readings = append(p.Readings, sensors.Reading{Component: comp, Name: label + " correctable errors",
			Kind: sensors.KindMemory, Value: val(float64(ce)), Status: sensors.StatusOK})
	}
	if errUE == nil {
		// Counts are since boot: an old error is a warning; health
		// escalates on new ones.
		st := sensors.StatusOK
		if ue > 0 {
			st = sensors.StatusWarning
		}
		p.Readings = append(p.Readings, sensors.Reading{Component: comp, Name: label + " uncorrectable errors",
			Kind: sensors.KindMemory, Value: val(float64(ue)), Status: st})
	}
}

// hwmon reads /sys/class/hwmon/hwmon*: temp (m°C), fan (RPM), in (mV),
// curr (mA), power (µW) inputs with their limits and alarms.
func (r *Reader) hwmon(p *sensors.Poll) {
	type kindSpec struct {
		prefix string
		kind   sensors.Kind
		unit   sensors.Unit
		div    float64
	}
	specs := []kindSpec{
		{"temp", sensors.KindTemperature, sensors.UnitCelsius, 1000},
		{"fan", sensors.KindFan, sensors.UnitRPM, 1},
		{"in", sensors.KindVoltage, sensors.UnitVolts, 1000},
		{"curr", sensors.KindCurrent, sensors.UnitAmps, 1000},
		{"power", sensors.KindPower, sensors.UnitWatts, 1e6},
	}
	for _, hw := range glob(filepath.Join(r.cfg.SysfsRoot, "class/hwmon/hwmon[0-9]*")) {
		chip, err := readString(filepath.Join(hw, "name"))
		if err != nil {
			chip = filepath.Base(hw)
		}
		for _, s := range specs {
			for _, in := range glob(filepath.Join(hw, s.prefix+"[0-9]*_input")) {
				base := strings.TrimSuffix(filepath.Base(in), "_input")
				raw, err := readInt(in)
				if err != nil {
					p.Skipped = append(p.Skipped, fmt.Sprintf("hwmon %s/%s: %v", chip, base, err))
					continue
				}
				name := base
				if l, err := readString(filepath.Join(hw, base+"_label")); err == nil && l != "" {
					name = l
				}
				f := func(suffix string) *float64 { return optScaled(filepath.Join(hw, base+"_"+suffix), s.div) }
				thr := sensors.Thresholds{}
				switch s.prefix {
				case "temp":
					thr.UpperWarning, thr.UpperCritical, thr.UpperFatal = f("max"), f("crit"), f("emergency")
					thr.LowerWarning, thr.LowerCritical = f("min"), f("lcrit")
				case "fan":
					thr.LowerCritical = f("min")
				default:
					thr.LowerCritical, thr.UpperCritical = f("lcrit"), f("crit")
					thr.LowerWarning, thr.UpperWarning = f("min"), f("max")
				}
				v := float64(raw) / s.div
				rd := sensors.Reading{Component: chip + "/" + name, Name: name, Kind: s.kind, Unit: s.unit, Value: &v, Status: sensors.StatusOK}
				if !thr.Empty() {
					rd.Thresholds = &thr
					rd.Status = thr.Classify(v)
				}
				for _, alarm := range []string{"alarm", "crit_alarm", "emergency_alarm", "fault"} {
					if a, err := readInt(filepath.Join(hw, base+"_"+alarm)); err == nil && a != 0 {
						st := sensors.StatusWarning
						if alarm != "alarm" {
							st = sensors.StatusCritical
						}
						rd.Status = sensors.Worst(rd.Status, st)
						rd.States = append(rd.States, alarm)
					}
				}
				p.Readings = append(p.Readings, rd)
			}
		}
	}
}

// thermal reads /sys/class/thermal/thermal_zone*: type, temp and the
// "hot" and "critical" trip points.
func (r *Reader) thermal(p *sensors.Poll) {
	for _, z := range glob(filepath.Join(r.cfg.SysfsRoot, "class/thermal/thermal_zone[0-9]*")) {
		raw, err := readInt(filepath.Join(z, "temp"))
		if err != nil {
			continue // disabled zones return EINVAL/ENODATA
		}
		typ, _ := readString(filepath.Join(z, "type"))
		name := filepath.Base(z)
		if typ != "" {
			name += " (" + typ + ")"
		}
		thr := sensors.Thresholds{}
		for _, tp := range glob(filepath.Join(z, "trip_point_[0-9]*_type")) {
			tt, _ := readString(tp)
			tv := optScaled(strings.TrimSuffix(tp, "_type")+"_temp", 1000)
			switch tt {
			case "hot":
				thr.UpperWarning = tv
			case "critical":
				thr.UpperCritical = tv
			}
		}
		v := float64(raw) / 1000
		rd := sensors.Reading{Component: filepath.Base(z), Name: name, Kind: sensors.KindTemperature,
			Unit: sensors.UnitCelsius, Value: &v, Status: sensors.StatusOK}
		if !thr.Empty() {
			rd.Thresholds = &thr
			rd.Status = thr.Classify(v)
		}
		p.Readings = append(p.Readings, rd)
	}
}

// mce counts machine check exceptions from /proc/interrupts (the MCE row,
// summed over CPUs). Any since boot is a warning; health escalates on new
// ones.
func (r *Reader) mce(p *sensors.Poll) {
	b, err := os.ReadFile(filepath.Join(r.cfg.ProcfsRoot, "interrupts"))
	if err != nil {
		p.Skipped = append(p.Skipped, fmt.Sprintf("interrupts: %v", err))
		return
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || f[0] != "MCE:" {
			continue
		}
		var total int64
		for _, x := range f[1:] {
			n, err := strconv.ParseInt(x, 10, 64)
			if err != nil {
				break // the description starts
			}
			total += n
		}
		st := sensors.StatusOK
		if total > 0 {
			st = sensors.StatusWarning
		}
		p.Readings = append(p.Readings, sensors.Reading{Component: "cpu", Name: "machine check exceptions",
			Kind: sensors.KindProcessor, Value: val(float64(total)), Status: st})
	}
}

// disks reads the SCSI I/O error counters /sys/block/*/device/ioerr_cnt.
func (r *Reader) disks(p *sensors.Poll) {
	for _, dev := range glob(filepath.Join(r.cfg.SysfsRoot, "block/*/device/ioerr_cnt")) {
		n, err := readInt(dev)
		if err != nil {
			p.Skipped = append(p.Skipped, fmt.Sprintf("%s: %v", dev, err))
			continue
		}
		disk := filepath.Base(filepath.Dir(filepath.Dir(dev)))
		st := sensors.StatusOK
		if n > 0 {
			st = sensors.StatusWarning
		}
		p.Readings = append(p.Readings, sensors.Reading{Component: disk, Name: disk + " I/O errors",
			Kind: sensors.KindStorage, Value: val(float64(n)), Status: st})
	}
}
