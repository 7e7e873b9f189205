package alert

// Severity is a syslog severity (RFC 5424 §6.2.1): syslog's PRI and the
// journal's PRIORITY both carry it.
type Severity int

// The severities, most urgent first.
const (
	Emergency Severity = iota
	Alert
	Critical
	Error
	Warning
	Notice
	Info
	Debug
)

var severityNames = [...]string{"emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return "notice"
	}
	return severityNames[s]
}

// kindSeverity is the severity of each kind whose severity does not
// depend on its evidence.
var kindSeverity = map[string]Severity{
	"dead":              Critical,
	"self-fence":        Critical,
	"rto-missed":        Critical,
	"suspect":           Warning,
	"fence":             Warning,
	"evacuate":          Warning,
	"bmc-unreachable":   Warning,
	"kernel-unreadable": Warning,
	"fence-confirmed":   Notice,
	"drain":             Notice,
	"readmit":           Notice,
	"placed":            Notice,
	"started":           Notice,
	"stopped":           Notice,
	"migrated":          Notice,
	"rto-met":           Notice,
	"bmc-reachable":     Notice,
	"kernel-readable":   Notice,
	"agent-started":     Notice,
	"agent-stopped":     Notice,
}

// SeverityOf is how urgent ev is: a risk by its level (imminent is
// critical, high an error, low a warning, cleared a notice), the other
// kinds by a fixed table; kinds the table does not know are notices.
func SeverityOf(ev Event) Severity {
	if ev.Kind == "risk" {
		switch ev.Evidence["risk"] {
		case "imminent":
			return Critical
		case "high":
			return Error
		case "low":
			return Warning
		}
		return Notice
	}
	if s, ok := kindSeverity[ev.Kind]; ok {
		return s
	}
	return Notice
}
