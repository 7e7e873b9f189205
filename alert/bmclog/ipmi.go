package bmclog

import (
	"context"
	"fmt"
	"time"

	"github.com/bougou/go-ipmi/pkg/types"

	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/internal/bmc/ownlog"
	"github.com/vigil-ha/vigil/internal/rmcp"
)

// ipmiHint is added to a privilege refusal.
const ipmiHint = "writing vigil's decisions to the SEL (Add SEL Entry) needs an account with OPERATOR privilege (bmc.user)"

// ipmiWriter adds vigil's OEM records to the SEL. Each write is its own
// RMCP+ session at OPERATOR privilege, opened and closed around one Add
// SEL Entry: decisions are rare, and a BMC has few session slots, which
// the sensor reader's long-lived session already uses one of.
type ipmiWriter struct {
	cfg     IPMI
	policy  rmcp.Policy
	timeout time.Duration
}

func newIPMIWriter(c IPMI, timeout time.Duration) (*ipmiWriter, error) {
	if c.Port == 0 {
		c.Port = 623
	}
	if err := rmcp.CheckCredentials(c.Host, c.User, c.Password); err != nil {
		return nil, err
	}
	p := rmcp.Policy{Suite: c.CipherSuite, AllowWeak: c.AllowWeakCipher}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &ipmiWriter{cfg: c, policy: p, timeout: timeout}, nil
}

func (w *ipmiWriter) target() string { return "ipmi " + rmcp.Target(w.cfg.Host, w.cfg.Port) }

func (w *ipmiWriter) close() {}

// write is one Add SEL Entry of an OEM timestamped record (ownlog.SEL).
// Equivalent to: ipmitool -I lanplus -L OPERATOR raw 0x0a 0x44 <the 16 bytes>.
func (w *ipmiWriter) write(ctx context.Context, rec Record) error {
	cl, _, err := rmcp.Open(ctx, rmcp.Session{
		Host: w.cfg.Host, Port: w.cfg.Port, User: w.cfg.User, Password: w.cfg.Password,
		Policy: w.policy, Privilege: types.PrivilegeLevelOperator,
		Timeout: min(time.Second, w.timeout), Retries: 1, Hint: ipmiHint,
	})
	if err != nil {
		return bmc.Scrub(err, w.cfg.Password)
	}
	defer func() {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		_ = cl.Close(cctx)
		cancel()
	}()
	_, err = cl.AddSELEntry(ctx, &types.SEL{
		RecordType: types.SELRecordType(ownlog.RecordType),
		OEMTimestamped: &types.SELOEMTimestamped{
			Timestamp:      rec.Time,
			ManufacturerID: ownlog.Manufacturer,
			OEMDefined:     rec.Code.Bytes(),
		},
	})
	if err != nil {
		return fmt.Errorf("add SEL entry: %w", rmcp.Classify(ctx, bmc.Scrub(err, w.cfg.Password), "Add SEL Entry", ipmiHint))
	}
	return nil
}
