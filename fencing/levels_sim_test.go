package fencing_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/fencing"
	"github.com/vigil-ha/vigil/fencing/ipmi"
	"github.com/vigil-ha/vigil/fencing/redfish"
	"github.com/vigil-ha/vigil/internal/testenv"
	"github.com/vigil-ha/vigil/store"
	"github.com/vigil-ha/vigil/store/storetest"
	"github.com/vigil-ha/vigil/test/lab/ipmisim"
	"github.com/vigil-ha/vigil/test/lab/redfishsim"
)

// TestLevelsAgainstSimulators fences one host that has two BMC paths, a
// real ipmi_sim and the Redfish simulator: the IPMI level is configured
// with a wrong password, the Redfish level is right. The wrong password is
// tried exactly once (a Redfish BMC that locks the account after two
// failures stays usable), the Redfish level confirms the power off, and the
// store holds the fence record with both levels' attempts and no open
// intent.
func TestLevelsAgainstSimulators(t *testing.T) {
	if err := ipmisim.Available(); err != nil {
		testenv.Unavailable(t, "needs ipmi_sim: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	isim, err := ipmisim.Start(ctx, ipmisim.Config{Dir: filepath.Join(t.TempDir(), "bmc")})
	if err != nil {
		t.Fatal(err)
	}
	defer isim.Close()
	user, _ := isim.User(ipmisim.Operator)

	rsim, err := redfishsim.New(redfishsim.Config{ResetDelay: 500 * time.Millisecond, LockoutThreshold: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := rsim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	defer rsim.Close()
	ruser, rpw := rsim.Credentials()

	st := storetest.Open(t, store.Options{NoSync: true})
	m, err := fencing.NewManager(fencing.Config{Self: "host-a", SelfBMCs: []string{"192.0.2.1"}, ClusterSize: func() int { return 3 }, Store: st, Revoker: fencing.Standalone})
	if err != nil {
		t.Fatal(err)
	}
	badIPMI := ipmi.Level("ipmi", ipmi.Config{Host: isim.Host(), Port: isim.Port(), User: user, Password: "pw-xyzzy", CipherSuite: -1}, 5*time.Second, 3)
	badRedfish := redfish.Level("redfish-wrong", redfish.Config{URL: rsim.URL(), User: ruser, Password: "pw-xyzzy", RootCAs: rsim.CACertPool()}, 5*time.Second, 3)
	goodRedfish := redfish.Level("redfish", redfish.Config{URL: rsim.URL(), User: ruser, Password: rpw, RootCAs: rsim.CACertPool()}, 10*time.Second, 1)

	rec, err := m.Fence(ctx, fencing.HostLevels{Host: "host-b", Levels: []fencing.Level{badIPMI, badRedfish, goodRedfish}}, fencing.ActionOff, "lost from membership for 10s")
	if err != nil || !rec.Confirmed || rec.Level != "redfish" || rec.Power != "off" {
		t.Fatalf("Fence = %+v, %v; want confirmed off through the redfish level", rec, err)
	}
	if len(rec.Attempts) != 3 {
		t.Fatalf("attempts %+v; want one per wrong-password level and one success", rec.Attempts)
	}
	for _, a := range rec.Attempts[:2] {
		if !strings.Contains(a.Error, "wrong credentials") || strings.Contains(a.Error, "pw-xyzzy") {
			t.Fatalf("attempt %+v: want an authentication error without the password", a)
		}
	}
	if a := rec.Attempts[2]; !a.Confirmed || a.Elapsed < 400*time.Millisecond || a.Driver != "redfish" {
		t.Fatalf("redfish attempt %+v; want confirmed after the BMC's 500ms delay", a)
	}
	if st, _ := rsim.PowerState(rsim.SystemIDs()[0]); st != "Off" {
		t.Fatalf("Redfish simulator reads %s", st)
	}
	if on, _ := isim.Power(); !on {
		t.Fatal("the IPMI BMC with the wrong password changed the power")
	}
	stored, _ := st.FencesSince(time.Time{})
	if len(stored) != 1 || len(stored[0].Attempts) != 3 {
		t.Fatalf("stored %+v", stored)
	}
	if open, _ := st.OpenIntents(); len(open) != 0 {
		t.Fatalf("open intents: %+v", open)
	}
	// One wrong login did not lock the Redfish account (threshold 2): the
	// right password still works.
	f, err := redfish.Dial(ctx, redfish.Config{URL: rsim.URL(), User: ruser, Password: rpw, RootCAs: rsim.CACertPool()})
	if err != nil {
		t.Fatalf("account after one wrong attempt: %v", err)
	}
	f.Close()

	// The self guard holds against a real BMC address too.
	self := ipmi.Level("ipmi", ipmi.Config{Host: "192.0.2.1", User: user, CipherSuite: 3}, time.Second, 0)
	if _, err := m.Fence(ctx, fencing.HostLevels{Host: "host-x", Levels: []fencing.Level{self}}, fencing.ActionOff, ""); !errors.Is(err, fencing.ErrSelfFence) {
		t.Fatalf("fence through own BMC = %v, want ErrSelfFence", err)
	}
}
