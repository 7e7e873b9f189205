package bmclog

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/internal/bmc/ownlog"
)

func TestMap(t *testing.T) {
	risk := func(level string) map[string]any { return map[string]any{"component": "FAN1", "risk": level} }
	for _, tc := range []struct {
		name    string
		ev      alert.Event
		ok      bool
		kind    ownlog.Kind
		sev     ownlog.Severity
		subject string
		msg     string
	}{
		{"risk low", alert.Event{Kind: "risk", Host: "h1", Message: "FAN1 risk low: failed", Evidence: risk("low")},
			true, ownlog.KindRiskRaised, ownlog.SeverityWarning, "FAN1", "vigil: h1 FAN1 risk low: FAN1 risk low: failed"},
		{"risk high", alert.Event{Kind: "risk", Host: "h1", Evidence: risk("high")},
			true, ownlog.KindRiskRaised, ownlog.SeverityCritical, "FAN1", "vigil: h1 FAN1 risk high"},
		{"risk imminent", alert.Event{Kind: "risk", Host: "h1", Evidence: risk("imminent")},
			true, ownlog.KindRiskRaised, ownlog.SeverityCritical, "FAN1", "vigil: h1 FAN1 risk imminent"},
		{"risk cleared", alert.Event{Kind: "risk", Host: "h1", Evidence: risk("none")},
			true, ownlog.KindRiskCleared, ownlog.SeverityInfo, "FAN1", "vigil: h1 FAN1 risk cleared"},
		{"evacuate", alert.Event{Kind: "evacuate", Host: "h1"}, true, ownlog.KindEvacuationStarted, ownlog.SeverityWarning, "", "vigil: h1 evacuation started"},
		{"evacuated", alert.Event{Kind: "evacuated", Host: "h1"}, true, ownlog.KindEvacuationEnded, ownlog.SeverityInfo, "", "vigil: h1 evacuation ended"},
		{"fence-confirmed", alert.Event{Kind: "fence-confirmed", Host: "h1"}, true, ownlog.KindFenced, ownlog.SeverityCritical, "", "vigil: h1 fenced"},
		{"fence.confirmed", alert.Event{Kind: "fence.confirmed", Host: "h1"}, true, ownlog.KindFenced, ownlog.SeverityCritical, "", "vigil: h1 fenced"},
		{"self-fence", alert.Event{Kind: "self-fence", Host: "h1"}, true, ownlog.KindSelfFence, ownlog.SeverityCritical, "", "vigil: h1 self-fence"},
		{"readmit", alert.Event{Kind: "readmit", Host: "h1"}, true, ownlog.KindReadmitted, ownlog.SeverityInfo, "", "vigil: h1 readmitted"},
		{"readmitted", alert.Event{Kind: "readmitted", Host: "h1"}, true, ownlog.KindReadmitted, ownlog.SeverityInfo, "", "vigil: h1 readmitted"},
		{"host left empty is this host", alert.Event{Kind: "self-fence"}, true, ownlog.KindSelfFence, ownlog.SeverityCritical, "", "vigil: h1 self-fence"},
		{"another host", alert.Event{Kind: "self-fence", Host: "h2"}, false, 0, 0, "", ""},
		{"a VM event", alert.Event{Kind: "evacuate", Host: "h1", VM: "vm1"}, false, 0, 0, "", ""},
		{"fence, not yet confirmed", alert.Event{Kind: "fence", Host: "h1"}, false, 0, 0, "", ""},
		{"bmc-unreachable", alert.Event{Kind: "bmc-unreachable", Host: "h1"}, false, 0, 0, "", ""},
		{"risk without a level", alert.Event{Kind: "risk", Host: "h1", Evidence: map[string]any{"component": "FAN1"}}, false, 0, 0, "", ""},
		{"risk level of the wrong type", alert.Event{Kind: "risk", Host: "h1", Evidence: map[string]any{"risk": 3}}, false, 0, 0, "", ""},
	} {
		tc.ev.Seq = 0x10203
		rec, ok := Map("h1", tc.ev)
		if ok != tc.ok {
			t.Errorf("%s: Map ok = %v, want %v", tc.name, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		want := ownlog.Code{Kind: tc.kind, Severity: tc.sev, Seq: 0x0203, Subject: ownlog.SubjectHash("h1", tc.subject)}
		if rec.Code != want || rec.Message != tc.msg {
			t.Errorf("%s: Map = %+v %q, want %+v %q", tc.name, rec.Code, rec.Message, want, tc.msg)
		}
		if !ownlog.IsLogEntry(ownlog.MessageID(rec.Code.Kind), "", rec.Message) || !strings.HasPrefix(rec.Message, ownlog.MessagePrefix) {
			t.Errorf("%s: the record would not be recognised as vigil's", tc.name)
		}
	}
}

func TestMapTruncates(t *testing.T) {
	rec, ok := Map("h1", alert.Event{Kind: "self-fence", Host: "h1", Message: strings.Repeat("é", 400)})
	if !ok || len(rec.Message) > MaxMessage || !utf8.ValidString(rec.Message) || !strings.HasSuffix(rec.Message, "…") {
		t.Errorf("Map of a long message = %d bytes, valid %v: %q", len(rec.Message), utf8.ValidString(rec.Message), rec.Message)
	}
}

func TestNewRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"no host", Config{IPMI: &IPMI{Host: "x", User: "u", Password: "p"}}, "host"},
		{"no BMC", Config{Host: "h1"}, "no BMC"},
		{"both", Config{Host: "h1", IPMI: &IPMI{Host: "x", User: "u"}, Redfish: &Redfish{URL: "https://x", User: "u"}}, "exclusive"},
		{"long IPMI password", Config{Host: "h1", IPMI: &IPMI{Host: "x", User: "u", Password: strings.Repeat("p", 21)}}, "20"},
		{"weak suite", Config{Host: "h1", IPMI: &IPMI{Host: "x", User: "u", CipherSuite: 1}}, "suite 1"},
		{"plain http", Config{Host: "h1", Redfish: &Redfish{URL: "http://x", User: "u"}}, "plain http"},
	} {
		_, err := New(tc.cfg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: New = %v, want an error about %q", tc.name, err, tc.want)
		}
	}
}

func TestConfigHidesPassword(t *testing.T) {
	i := IPMI{Host: "10.0.0.9", User: "op", Password: "s3cret-pw"}
	r := Redfish{URL: "https://10.0.0.9", User: "op", Password: "s3cret-pw"}
	for _, s := range []string{i.String(), r.String(), i.LogValue().String(), r.LogValue().String()} {
		if strings.Contains(s, "s3cret-pw") {
			t.Errorf("password shown: %s", s)
		}
	}
}
