package ipmisim

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/bougou/go-ipmi/pkg/client"
	"github.com/bougou/go-ipmi/pkg/types"
)

// Power reports the chassis power state as the BMC reads it (with
// Config.OffDelay, "on" until a power off has taken effect).
func (s *Sim) Power() (on bool, err error) {
	b, err := os.ReadFile(filepath.Join(s.dir, "power"))
	if err != nil {
		return false, fmt.Errorf("ipmisim %s: power state: %w", s.cfg.Name, err)
	}
	switch strings.TrimSpace(string(b)) {
	case "1":
		return true, nil
	case "0":
		return false, nil
	}
	return false, fmt.Errorf("ipmisim %s: power state file holds %q", s.cfg.Name, bytes.TrimSpace(b))
}

// SetPower switches chassis power from outside IPMI (a power button, or the
// lab cutting and restoring power), with the same hooks and OffDelay as an
// IPMI power command. It works while ipmi_sim is down.
// Equivalent to: `ipmitool chassis power on|off`.
func (s *Sim) SetPower(ctx context.Context, on bool) error {
	v := "0"
	if on {
		v = "1"
	}
	cmd := exec.CommandContext(ctx, s.script, "set", "power", v)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("ipmisim %s: set power %s: %w: %s", s.cfg.Name, v, err, bytes.TrimSpace(out))
	}
	return nil
}

// ChassisLog returns the chassis script's log: every power request and hook
// run with timestamps.
func (s *Sim) ChassisLog() string {
	b, _ := os.ReadFile(filepath.Join(s.dir, "chassis.log"))
	return string(b)
}

// getChannelAuthCaps is an IPMI 1.5 session-less Get Channel Authentication
// Capabilities request (channel "this one", ADMINISTRATOR, IPMI 2.0 data):
// RMCP header, session header (auth none, seq 0, session 0, length 9), then
// rsAddr 0x20, netFn App, checksum, rqAddr 0x81, seq 0, cmd 0x38, data,
// checksum.
var getChannelAuthCaps = []byte{
	0x06, 0x00, 0xff, 0x07,
	0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x09,
	0x20, 0x18, 0xc8, 0x81, 0x00, 0x38, 0x8e, 0x04, 0xb5,
}

// ping sends Get Channel Authentication Capabilities and waits up to wait
// for a successful answer.
func ping(ctx context.Context, target netip.AddrPort, wait time.Duration) error {
	c, err := net.DialUDP("udp4", nil, net.UDPAddrFromAddrPort(target))
	if err != nil {
		return err
	}
	defer c.Close()
	dl := time.Now().Add(wait)
	if d, ok := ctx.Deadline(); ok && d.Before(dl) {
		dl = d
	}
	_ = c.SetDeadline(dl)
	if _, err := c.Write(getChannelAuthCaps); err != nil {
		return err
	}
	buf := make([]byte, 128)
	for {
		n, err := c.Read(buf)
		if err != nil {
			// A refused port answers at once: wait out the interval so
			// the caller's loop does not spin.
			if errors.Is(err, os.ErrDeadlineExceeded) {
				return err
			}
			select {
			case <-time.After(time.Until(dl)):
			case <-ctx.Done():
			}
			return err
		}
		// Session header is 14 bytes for auth type none, then rqAddr,
		// netFn, checksum, rsAddr, seq, cmd, completion code.
		if n > 20 && buf[19] == 0x38 && buf[20] == 0x00 {
			return nil
		}
	}
}

// Ping checks that the BMC answers on its UDP address within ctx.
func (s *Sim) Ping(ctx context.Context) error {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, time.Second)
		defer cancel()
	}
	for {
		err := ping(ctx, netip.AddrPortFrom(s.host, uint16(s.Port())), time.Second)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("ipmisim %s: no answer from %s: %w", s.cfg.Name, s.Addr(), ctx.Err())
		}
	}
}

// setSELTime sets the BMC's SEL clock to now (ipmi_sim starts it near 0).
// Equivalent to: `ipmitool sel time set now`.
func (s *Sim) setSELTime(ctx context.Context) error {
	u := s.users[0] // admin
	c, err := client.NewClient(s.simHost().String(), s.simPort, u.name, u.password)
	if err != nil {
		return fmt.Errorf("ipmisim %s: SEL time: %w", s.cfg.Name, err)
	}
	c.WithCipherSuiteID(types.CipherSuiteID3).WithTimeout(2 * time.Second).WithRetry(1)
	if err := c.Connect(ctx); err != nil {
		return fmt.Errorf("ipmisim %s: SEL time: connect: %w", s.cfg.Name, err)
	}
	defer c.Close(context.WithoutCancel(ctx))
	if _, err := c.SetSELTime(ctx, time.Now()); err != nil {
		return fmt.Errorf("ipmisim %s: SEL time: %w", s.cfg.Name, err)
	}
	return nil
}

// errNoRelay reports a network fault asked of a Sim without its relay.
func (s *Sim) errNoRelay() error {
	return fmt.Errorf("ipmisim %s: network faults need the relay (Config.NoPrivilegeGuard is set)", s.cfg.Name)
}

// SetReachable cuts (false) or restores (true) the BMC's network: while cut,
// every datagram to and from it is dropped, and ipmi_sim keeps running, as
// a BMC behind a dead switch port does. Sessions survive a short cut.
func (s *Sim) SetReachable(on bool) error {
	if s.relay == nil {
		return s.errNoRelay()
	}
	s.relay.setFaults(func(r *relay) { r.unreachable = !on })
	return nil
}

// SetLoss drops share (0 to 1) of the datagrams clients send to the BMC.
func (s *Sim) SetLoss(share float64) error {
	if s.relay == nil {
		return s.errNoRelay()
	}
	if share < 0 || share > 1 {
		return fmt.Errorf("ipmisim %s: loss share %v is outside 0..1", s.cfg.Name, share)
	}
	s.relay.setFaults(func(r *relay) { r.loss = share })
	return nil
}

// SetDelay delays every reply of the BMC by d (0 for none): a slow BMC.
func (s *Sim) SetDelay(d time.Duration) error {
	if s.relay == nil {
		return s.errNoRelay()
	}
	if d < 0 {
		return fmt.Errorf("ipmisim %s: negative delay %v", s.cfg.Name, d)
	}
	s.relay.setFaults(func(r *relay) { r.delay = d })
	return nil
}

// watchPower keeps the Power Unit sensor in step with the chassis power,
// whoever changed it (IPMI, SetPower, a delayed off): "Power off/down" is
// asserted while the chassis is off, with the SEL events a BMC logs. A
// change made while ipmi_sim is down is applied once it answers again.
func (s *Sim) watchPower(applied bool) {
	defer close(s.watchDone)
	sn, _ := LookupSensor(PowerUnit)
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-s.stopWatch:
			return
		case <-t.C:
		}
		on, err := s.Power()
		if err != nil || on == applied || !s.Alive() {
			continue
		}
		v := 1
		if on {
			v = 0
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_, err = s.Console(ctx, fmt.Sprintf("sensor_set_bit 0x%02x 0 %d %d %d 1", bmcAddr, sn.Number, PowerOffDown, v))
		cancel()
		if err == nil {
			applied = on
			s.rememberBit(sn.Number, PowerOffDown, !on)
		}
	}
}
