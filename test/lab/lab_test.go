package lab

import (
	"context"
	"net"
	"testing"
	"time"
)

func TestNoBMCBringUp(t *testing.T) {
	t0 := time.Now()
	l := New(t, Options{Hosts: 3, BMC: NoBMC})
	t.Logf("3 hosts without BMCs up in %v", time.Since(t0))
	for _, h := range l.Hosts {
		t.Logf("%s: netns %s mgmt %s mig %s bmc %s", h.Name, h.Netns, h.MgmtIP, h.MigIP, h.BMC.IP)
	}
	// mgmt from root
	ln, err := net.Listen("tcp", l.GatewayIP.String()+":0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	err = l.Hosts[0].Do(func() error {
		c, err := net.DialTimeout("tcp", ln.Addr().String(), 2*time.Second)
		if err != nil {
			return err
		}
		return c.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = context.Background()
}
