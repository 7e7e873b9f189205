package netfabric

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// noAdminVar marks the child process of TestWithoutSysAdmin.
const noAdminVar = "VIGIL_NETFABRIC_NO_SYS_ADMIN"

// TestWithoutSysAdmin runs a Host on the namespace it lives in, as the agent
// does under vigil.service: with CAP_NET_ADMIN but without CAP_SYS_ADMIN
// (which setns needs, and which the unit does not grant, next to
// RestrictNamespaces=yes). Open, Apply (a bridge, VLANs, taps through
// /dev/net/tun) and Watch must not enter a namespace then. The test runs
// itself again in a fresh network namespace with CAP_SYS_ADMIN dropped from
// its bounding set (unshare, setpriv).
func TestWithoutSysAdmin(t *testing.T) {
	if os.Getenv(noAdminVar) == "1" {
		withoutSysAdmin(t)
		return
	}
	needRoot(t)
	unshare := testenv.NeedsCommand(t, "unshare", "setpriv")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(unshare, "--net", "--", "setpriv", "--bounding-set=-sys_admin", "--inh-caps=-sys_admin", "--",
		exe, "-test.run=^TestWithoutSysAdmin$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), noAdminVar+"=1")
	out, err := cmd.CombinedOutput()
	t.Logf("without CAP_SYS_ADMIN:\n%s", out)
	if err != nil {
		t.Fatalf("the Host failed without CAP_SYS_ADMIN: %v", err)
	}
}

func withoutSysAdmin(t *testing.T) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("capabilities:\n%s", grepCap(string(status)))
	h, err := Open(Options{})
	if err != nil {
		t.Fatalf("Open in the current namespace: %v", err)
	}
	defer h.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, err := h.Apply(ctx, mustParse(t, hostFabric)); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	st, err := h.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if tap := st.Links["vm1-0"]; tap == nil || tap.Kind != KindTap || tap.Master != "vbr0" {
		t.Fatalf("vm1-0 = %+v, want a tap on vbr0", tap)
	}
	wctx, wcancel := context.WithTimeout(ctx, 500*time.Millisecond)
	defer wcancel()
	if err := h.Watch(wctx, WatchOptions{}); err != nil && wctx.Err() == nil {
		t.Fatalf("Watch: %v", err)
	}
}

func grepCap(status string) string {
	var out []string
	for _, l := range strings.Split(status, "\n") {
		if strings.HasPrefix(l, "Cap") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
