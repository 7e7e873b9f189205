package ipmisim

import (
	"testing"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// BenchmarkIpmitoolStatus times `ipmitool chassis power status` (a whole
// RMCP+ session) through the privilege relay and straight to ipmi_sim.
func BenchmarkIpmitoolStatus(b *testing.B) {
	if err := Available(); err != nil {
		testenv.Unavailable(b, "%v", err)
	}
	for _, c := range []struct {
		name  string
		guard bool
	}{{"relay", true}, {"direct", false}} {
		b.Run(c.name, func(b *testing.B) {
			s, err := Start(b.Context(), Config{Dir: b.TempDir(), NoPrivilegeGuard: !c.guard})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			for b.Loop() {
				if out, err := ipmitool(b, s, Operator, "chassis", "power", "status"); err != nil {
					b.Fatalf("%v: %s", err, out)
				}
			}
		})
	}
}
