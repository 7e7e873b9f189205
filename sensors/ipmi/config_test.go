package ipmi

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func TestConfigNeverPrintsPassword(t *testing.T) {
	c := Config{Host: "10.0.0.9", User: "admin", Password: "hunter2-secret", CipherSuite: 3}
	var b strings.Builder
	l := slog.New(slog.NewTextHandler(&b, nil))
	l.Info("config", "cfg", c)
	fmt.Fprintf(&b, "%v %+v %s %#v", c, c, c, c)
	if strings.Contains(b.String(), "hunter2") {
		t.Errorf("password printed: %s", b.String())
	}
}
