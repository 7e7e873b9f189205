package netfabric

import (
	"strings"
	"testing"
)

const hostFabric = `
version: 1
bridges:
  - name: vbr0
    mtu: 1500
vxlans:
  - name: vx5001
    vni: 5001
    local: 10.10.0.1
    remotes: [10.10.0.2, 10.10.0.3]
    bridge: vbr0
taps:
  - name: vm1-0
    vm: vm1
    bridge: vbr0
    mac: "52:54:00:00:00:01"
  - name: vm2-0
    vm: vm2
    bridge: vbr0
    mac: "52:54:00:00:00:02"
    mtu: 1400
`

func TestApplyReapplyDiff(t *testing.T) {
	ns := newNS(t)
	h := openHost(t, ns)
	ctx := ctxT(t)
	f := mustParse(t, hostFabric)

	p, err := h.Plan(ctx, f)
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	t.Logf("plan:\n%s", p)
	if p.Empty() {
		t.Fatal("Plan on an empty namespace is empty")
	}
	if got, _ := h.Read(ctx); len(got.Links) != 1 {
		t.Fatalf("Plan changed the host: %d links, want only lo", len(got.Links))
	}
	if _, err := h.Apply(ctx, f); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	st, err := h.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tap := st.Links["vm1-0"]
	if tap == nil || tap.Kind != KindTap || tap.Master != "vbr0" || tap.MAC != "fe:54:00:00:00:01" || !tap.Up || tap.MTU != 1500 {
		t.Fatalf("vm1-0 = %+v, want a tap on vbr0 with fe:54:00:00:00:01, mtu 1500, up", tap)
	}
	if l := st.Links["vm2-0"]; l == nil || l.MTU != 1400 {
		t.Fatalf("vm2-0 = %+v, want mtu 1400", l)
	}
	vx := st.Links["vx5001"]
	if vx == nil || vx.VXLAN == nil || vx.VXLAN.VNI != 5001 || vx.VXLAN.Learning || vx.VXLAN.Port != 4789 || vx.Master != "vbr0" {
		t.Fatalf("vx5001 = %+v %+v", vx, vx.VXLAN)
	}
	if strings.Join(vx.FDB, ",") != "10.10.0.2,10.10.0.3" {
		t.Fatalf("vx5001 FDB = %v, want both remotes", vx.FDB)
	}
	// Re-apply: nothing to do.
	p2, err := h.Apply(ctx, f)
	if err != nil {
		t.Fatalf("re-Apply: %v", err)
	}
	if !p2.Empty() {
		t.Fatalf("re-Apply changed things:\n%s", p2)
	}
	// A changed file: diff names exactly the change.
	f2 := f.Clone()
	f2.Taps[0].MTU = 1300
	f2.VXLANs[0].Remotes = []string{"10.10.0.2", "10.10.0.4"}
	p3, err := h.Plan(ctx, f2)
	if err != nil {
		t.Fatal(err)
	}
	want := "ip link set dev vm1-0 mtu 1300\n" +
		"bridge fdb append 00:00:00:00:00:00 dev vx5001 dst 10.10.0.4 self permanent\n"
	fdbDel := "bridge fdb del 00:00:00:00:00:00 dev vx5001 dst 10.10.0.3 self\n"
	if p3.String() != fdbDel+want {
		t.Fatalf("Plan(changed) =\n%s\nwant\n%s%s", p3, fdbDel, want)
	}
	if _, err := h.Apply(ctx, f2); err != nil {
		t.Fatal(err)
	}
	if p4, _ := h.Plan(ctx, f2); !p4.Empty() {
		t.Fatalf("after applying the change, plan is not empty:\n%s", p4)
	}
}
