package demo

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/vigil-ha/vigil/fencing"
	fencingipmi "github.com/vigil-ha/vigil/fencing/ipmi"
	fencingredfish "github.com/vigil-ha/vigil/fencing/redfish"
	"github.com/vigil-ha/vigil/sensors"
	sensorsipmi "github.com/vigil-ha/vigil/sensors/ipmi"
	sensorsredfish "github.com/vigil-ha/vigil/sensors/redfish"
	"github.com/vigil-ha/vigil/test/lab"
)

// credentials reads an account of h's BMC.
func credentials(h *lab.Host, r lab.Role) (user, password string, err error) {
	user, file, err := h.BMC.Credentials(r)
	if err != nil {
		return "", "", err
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		return "", "", fmt.Errorf("BMC password file: %w", err)
	}
	return user, strings.TrimRight(string(raw), "\r\n"), nil
}

// newReader returns vigil's sensor reader for h's BMC, with a USER account
// (IPMI) or the simulator's account and CA (Redfish).
func newReader(h *lab.Host) (sensors.Reader, error) {
	user, pw, err := credentials(h, lab.User)
	if err != nil {
		return nil, err
	}
	switch {
	case h.BMC.IPMI != nil:
		return sensorsipmi.New(sensorsipmi.Config{Host: h.BMC.IP.String(), Port: h.BMC.Port, User: user, Password: pw, CipherSuite: 3}), nil
	case h.BMC.Redfish != nil:
		return sensorsredfish.New(sensorsredfish.Config{URL: h.BMC.URL, User: user, Password: pw, RootCAs: h.BMC.Redfish.CACertPool()}), nil
	}
	return nil, fmt.Errorf("%s has no BMC", h.Name)
}

// bmcSummary polls h's BMC once and sums the readings up in one line.
func bmcSummary(ctx context.Context, h *lab.Host) (string, error) {
	r, err := newReader(h)
	if err != nil {
		return "", err
	}
	defer r.Close()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	p, err := r.Poll(ctx)
	if err != nil {
		return "", err
	}
	var parts []string
	for _, rd := range p.Readings {
		parts = append(parts, formatReading(rd))
	}
	return strings.Join(parts, ", "), nil
}

func formatReading(r sensors.Reading) string {
	switch {
	case r.Value != nil:
		return fmt.Sprintf("%s %.4g %s %s", r.Name, *r.Value, r.Unit, r.Status)
	case len(r.States) > 0:
		return fmt.Sprintf("%s [%s] %s", r.Name, strings.Join(r.States, "; "), r.Status)
	}
	return fmt.Sprintf("%s %s", r.Name, r.Status)
}

// dialFencer opens a power-control session with h's BMC: an OPERATOR
// account over IPMI (enough for fencing), the simulator's account with its
// CA over Redfish.
func dialFencer(ctx context.Context, h *lab.Host) (fencing.Fencer, error) {
	user, pw, err := credentials(h, lab.Operator)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	switch {
	case h.BMC.IPMI != nil:
		return fencingipmi.Dial(ctx, fencingipmi.Config{Host: h.BMC.IP.String(), Port: h.BMC.Port, User: user, Password: pw, CipherSuite: 3})
	case h.BMC.Redfish != nil:
		return fencingredfish.Dial(ctx, fencingredfish.Config{URL: h.BMC.URL, User: user, Password: pw, RootCAs: h.BMC.Redfish.CACertPool()})
	}
	return nil, fmt.Errorf("%s has no BMC", h.Name)
}
