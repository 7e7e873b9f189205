package sim

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// NewFromInit builds a simulation from a script's init line:
//
//	init hosts=N [voters=V] [vms=M] [seed=S] [nowatchdog=2,3]
//	     [offdelay=D] [readlag=D] [catchup=D] [rto=D]
//
// offdelay and readlag apply to every BMC; hosts have exact clocks.
func NewFromInit(args []string) (*Sim, error) {
	n, m, seed := 3, 4, uint64(1)
	opts := map[string]string{}
	for _, a := range args {
		k, v, ok := strings.Cut(a, "=")
		if !ok {
			return nil, fmt.Errorf("init: %q is not key=value", a)
		}
		opts[k] = v
	}
	atoi := func(k string, dst *int) error {
		if v, ok := opts[k]; ok {
			i, err := strconv.Atoi(v)
			if err != nil || i < 1 {
				return fmt.Errorf("init: %s=%q: want a positive number", k, v)
			}
			*dst = i
		}
		return nil
	}
	dur := func(k string) (time.Duration, error) {
		v, ok := opts[k]
		if !ok {
			return 0, nil
		}
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			return 0, fmt.Errorf("init: %s=%q: want a duration", k, v)
		}
		return d, nil
	}
	if err := atoi("hosts", &n); err != nil {
		return nil, err
	}
	if err := atoi("vms", &m); err != nil {
		return nil, err
	}
	if v, ok := opts["seed"]; ok {
		s, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("init: seed=%q: want a number", v)
		}
		seed = s
	}
	c := NewCluster(n, m)
	if err := atoi("voters", &c.Voters); err != nil {
		return nil, err
	}
	if v, ok := opts["nowatchdog"]; ok {
		for _, h := range strings.Split(v, ",") {
			i, err := strconv.Atoi(h)
			if err != nil || i < 1 || i > n {
				return nil, fmt.Errorf("init: nowatchdog=%q: want host numbers 1..%d", v, n)
			}
			c.Watchdog[i-1] = false
		}
	}
	off, err := dur("offdelay")
	if err != nil {
		return nil, err
	}
	lag, err := dur("readlag")
	if err != nil {
		return nil, err
	}
	for i := range c.BMC {
		c.BMC[i] = BMC{OffDelay: off, ReadLag: lag}
	}
	if c.CatchUpMax, err = dur("catchup"); err != nil {
		return nil, err
	}
	if c.TieBreak, err = dur("tiebreak"); err != nil {
		return nil, err
	} else if c.TieBreak > 0 {
		c.Lease = TwoHostLease
	}
	if r, err := dur("rto"); err != nil {
		return nil, err
	} else if r > 0 {
		for i := range c.VMs {
			c.VMs[i].HA.RTO = r
		}
	}
	for k := range opts {
		switch k {
		case "hosts", "voters", "vms", "seed", "nowatchdog", "offdelay", "readlag", "catchup", "rto", "tiebreak":
		default:
			return nil, fmt.Errorf("init: unknown option %q", k)
		}
	}
	s, err := New(c, seed)
	if err != nil {
		return nil, err
	}
	s.Trace(false)
	return s, nil
}
