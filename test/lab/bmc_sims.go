//go:build !labnosims

package lab

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"sync"
	"time"

	"github.com/vigil-ha/vigil/test/lab/ipmisim"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

type sims struct {
	// IPMI is the simulator when Kind is IPMI.
	IPMI *ipmisim.Sim
	// Redfish is the simulator when Kind is Redfish.
	Redfish *redfishsim.Sim
}

// Credentials returns the user name and a 0600 password file for an
// account of the BMC. Redfish simulators have one administrator account;
// for them every role maps to it.
func (b *BMC) Credentials(r Role) (user, passwordFile string, err error) {
	switch b.Kind {
	case IPMI:
		if b.IPMI == nil {
			return "", "", errors.New("lab: BMC not started")
		}
		role := map[Role]ipmisim.Role{Admin: ipmisim.Admin, Operator: ipmisim.Operator, User: ipmisim.User}[r]
		user, passwordFile = b.IPMI.User(role)
		return user, passwordFile, nil
	case Redfish:
		if b.Redfish == nil {
			return "", "", errors.New("lab: BMC not started")
		}
		user, _ = b.Redfish.Credentials()
		passwordFile, err = b.Redfish.WritePasswordFile()
		if err != nil {
			return "", "", fmt.Errorf("lab: %s BMC: %w", b.host.Name, err)
		}
		return user, passwordFile, nil
	}
	return "", "", fmt.Errorf("lab: %s has no BMC", b.host.Name)
}

func (l *Lab) startBMCs(ctx context.Context) error {
	if l.opts.BMC == NoBMC {
		return nil
	}
	if l.opts.BMC == IPMI {
		ps, err := l.startPowerServer()
		if err != nil {
			return err
		}
		l.power = ps
	}
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	errs := make([]error, len(l.Hosts))
	var wg sync.WaitGroup
	for i, h := range l.Hosts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = h.BMC.start(ctx)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (b *BMC) start(ctx context.Context) error {
	h := b.host
	l := h.lab
	b.dir = filepath.Join(l.Dir, "hosts", h.Name, "bmc")
	switch b.Kind {
	case IPMI:
		b.Port = 623
		sim, err := ipmisim.Start(ctx, ipmisim.Config{
			Dir:        b.dir,
			Name:       h.Name,
			Addr:       b.IP.String(),
			Port:       b.Port,
			OnPowerOff: l.power.hook(h.Index, "off"),
			OnPowerOn:  l.power.hook(h.Index, "on"),
		})
		if err != nil {
			return fmt.Errorf("lab: %s: BMC: %w", h.Name, err)
		}
		b.IPMI = sim
		l.onClose(func() error { return b.close() })
		return nil
	case Redfish:
		b.Port = 443
		sim, err := redfishsim.New(redfishsim.Config{
			Dir:      b.dir,
			Mockup:   l.opts.RedfishMockup,
			TLSHosts: []string{b.IP.String()},
			OnPower: func(on bool) {
				var err error
				if on {
					err = h.PowerOn()
				} else {
					err = h.PowerOff()
				}
				if err != nil {
					l.logf("%s BMC power %v: %v", h.Name, on, err)
				}
			},
		})
		if err != nil {
			return fmt.Errorf("lab: %s: BMC: %w", h.Name, err)
		}
		ln, err := net.Listen("tcp", b.Addr())
		if err != nil {
			_ = sim.Close()
			return fmt.Errorf("lab: %s: BMC listener: %w", h.Name, err)
		}
		b.Redfish, b.ln = sim, ln
		go func() { _ = sim.Serve(ln) }()
		b.URL = "https://" + b.IP.String()
		l.onClose(func() error { return b.close() })
		return nil
	}
	return fmt.Errorf("lab: unknown BMC kind %v", b.Kind)
}

func (b *BMC) close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	var err error
	if b.IPMI != nil {
		err = b.IPMI.Close()
	}
	if b.Redfish != nil {
		err = b.Redfish.Close()
		if b.ln != nil {
			b.ln.Close()
		}
	}
	return err
}
