package bmc_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	fenceipmi "github.com/vigil-ha/vigil/fencing/ipmi"
	fenceredfish "github.com/vigil-ha/vigil/fencing/redfish"
	"github.com/vigil-ha/vigil/internal/bmc"
	sensorsipmi "github.com/vigil-ha/vigil/sensors/ipmi"
	sensorsredfish "github.com/vigil-ha/vigil/sensors/redfish"
)

const secret = "hunter2-Secret-pw"

// configsWithSecrets is every config type of vigil that holds a BMC
// password.
func configsWithSecrets() map[string]any {
	return map[string]any{
		"sensors/ipmi.Config":    sensorsipmi.Config{Host: "10.0.0.9", User: "admin", Password: secret, CipherSuite: 3},
		"sensors/redfish.Config": sensorsredfish.Config{URL: "https://10.0.0.9", User: "admin", Password: secret, System: "1"},
		"fencing/ipmi.Config":    fenceipmi.Config{Host: "10.0.0.9", User: "fencer", Password: secret},
		"fencing/redfish.Config": fenceredfish.Config{URL: "https://10.0.0.9", User: "fencer", Password: secret, System: "1"},
	}
}

// TestConfigsNeverShowPassword: every way a config can reach a log or a
// screen (fmt verbs, %#v through GoString, slog's text and JSON handlers,
// encoding/json, a struct that embeds it) shows the target and the user,
// never the password.
func TestConfigsNeverShowPassword(t *testing.T) {
	type holder struct {
		Name string
		Cfg  any
	}
	for name, cfg := range configsWithSecrets() {
		outputs := map[string]string{}
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%T %v"} {
			outputs[verb] = fmt.Sprintf(verb, cfg)
		}
		outputs["%+v of a struct holding it"] = fmt.Sprintf("%+v", holder{"h", cfg})
		outputs["%#v of a struct holding it"] = fmt.Sprintf("%#v", holder{"h", cfg})
		outputs["Sprint"] = fmt.Sprint(cfg)
		for hname, mk := range map[string]func(*bytes.Buffer) slog.Handler{
			"slog text": func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
			"slog JSON": func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
		} {
			var b bytes.Buffer
			l := slog.New(mk(&b))
			l.Info("config", "cfg", cfg)
			l.With("cfg", cfg).Info("with")
			l.Info("group", slog.Group("g", "cfg", cfg))
			outputs[hname] = b.String()
		}
		js, err := json.Marshal(cfg)
		if err != nil {
			t.Fatalf("%s: json.Marshal: %v", name, err)
		}
		outputs["encoding/json"] = string(js)
		for how, out := range outputs {
			if strings.Contains(out, secret) || strings.Contains(out, fmt.Sprintf("%x", secret)) {
				t.Errorf("%s: %s shows the password: %s", name, how, out)
			}
		}
		for _, how := range []string{"%v", "%#v", "slog text", "slog JSON"} {
			if !strings.Contains(outputs[how], "10.0.0.9") {
				t.Errorf("%s: %s does not name the BMC: %s", name, how, outputs[how])
			}
		}
		if !strings.Contains(outputs["%v"], "password=set") {
			t.Errorf("%s: %%v = %s; want it to say a password is set", name, outputs["%v"])
		}
	}
}

func TestScrub(t *testing.T) {
	raw := fmt.Errorf("login as admin:%s refused", secret)
	err := fmt.Errorf("redfish x: %w", bmc.Errorf(bmc.ErrAuth, raw, "the BMC answered 401"))
	if bmc.Scrub(err, "") != err || bmc.Scrub(err, "not-in-it") != err {
		t.Fatal("Scrub changed an error that holds no secret")
	}
	s := bmc.Scrub(err, secret)
	if strings.Contains(s.Error(), secret) || strings.Contains(bmc.Detail(s), secret) {
		t.Fatalf("Scrub left the secret: %q / %q", s.Error(), bmc.Detail(s))
	}
	if !errors.Is(s, bmc.ErrAuth) || bmc.KindOf(s) != bmc.KindCredentials {
		t.Fatalf("Scrub lost the cause: %v", s)
	}
	if !strings.Contains(bmc.Detail(s), "<redacted>") {
		t.Fatalf("Detail(Scrub) = %q; want the raw error with the secret replaced", bmc.Detail(s))
	}
	plain := bmc.Scrub(errors.New("token "+secret), secret)
	if plain.Error() != "token <redacted>" {
		t.Fatalf("Scrub(plain) = %q", plain)
	}
}
