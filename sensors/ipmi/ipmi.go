package ipmi

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/bougou/go-ipmi/pkg/client"
	"github.com/bougou/go-ipmi/pkg/command/sensor"
	"github.com/bougou/go-ipmi/pkg/types"

	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/internal/rmcp"
	"github.com/vigil-ha/vigil/sensors"
)

// Config says how to reach one BMC. The password is only ever handed to the
// session; it never appears in errors or logs (String, GoString, Format and
// LogValue show bmc.Redacted). The zero value of every field but Host, User
// and Password is a safe default.
type Config struct {
	Host     string
	Port     int // default 623
	User     string
	Password string `json:"-"`

	// CipherSuite pins one RMCP+ cipher suite (1-17; ipmi_sim needs 3).
	// Zero (or negative) means auto: every suite at least as strong as
	// MinCipherSuite, strongest first (17, then 3). Never suite 0.
	CipherSuite int
	// MinCipherSuite is the weakest suite accepted in auto mode; zero
	// means 3 (HMAC-SHA1, HMAC-SHA1-96, AES-CBC-128). A pinned
	// CipherSuite is its own minimum.
	MinCipherSuite int
	// AllowWeakCipher permits a CipherSuite or MinCipherSuite below 3
	// (no confidentiality, or no integrity either), for an old BMC on an
	// isolated network only; without it such a Config is refused.
	AllowWeakCipher bool

	// Privilege is the session privilege: "user" (default; enough for
	// sensors and the SEL), "operator" or "administrator".
	Privilege string

	// Timeout bounds one request/response exchange attempt (default 1 s);
	// Retries is how many more attempts a lost datagram gets (default 2).
	// Every Poll is bounded as a whole by its context (PollTimeout when
	// the context has no deadline).
	Timeout     time.Duration
	Retries     int
	PollTimeout time.Duration // default 10 s

	// SDRMaxAge is how long the cached SDR repository and thresholds are
	// used before they are read again (default 10 min; they are always
	// re-read after a reconnect).
	SDRMaxAge time.Duration
	// MinBackoff and MaxBackoff bound the wait between reconnect
	// attempts to a BMC that does not answer (default 1 s and 1 min).
	MinBackoff, MaxBackoff time.Duration

	Logger *slog.Logger     `json:"-"`
	Now    func() time.Time `json:"-"`
}

func (c *Config) defaults() {
	if c.Port == 0 {
		c.Port = 623
	}
	if c.Privilege == "" {
		c.Privilege = "user"
	}
	if c.Timeout <= 0 {
		c.Timeout = time.Second
	}
	if c.Retries < 0 {
		c.Retries = 0
	} else if c.Retries == 0 {
		c.Retries = 2
	}
	if c.PollTimeout <= 0 {
		c.PollTimeout = 10 * time.Second
	}
	if c.SDRMaxAge <= 0 {
		c.SDRMaxAge = 10 * time.Minute
	}
	if c.MinBackoff <= 0 {
		c.MinBackoff = time.Second
	}
	if c.MaxBackoff <= 0 {
		c.MaxBackoff = time.Minute
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Now == nil {
		c.Now = time.Now
	}
}

// Target is "HOST:PORT", the name of the BMC in output and errors.
func (c Config) Target() string { return rmcp.Target(c.Host, c.Port) }

// Policy is the cipher suite policy the Config asks for.
func (c Config) Policy() rmcp.Policy {
	return rmcp.Policy{Suite: c.CipherSuite, Min: c.MinCipherSuite, AllowWeak: c.AllowWeakCipher}
}

// Errors of the IPMI reader. Failures are classified with internal/bmc's
// causes (bmc.ErrUnreachable, bmc.ErrAuth, bmc.ErrPrivilege, bmc.ErrCipher,
// bmc.ErrUnsupported), the same as fencing's.
var (
	// ErrWeakCipher is returned when the BMC negotiated algorithms weaker
	// than the configured minimum (a downgrade go-ipmi would accept).
	// It is rmcp.ErrWeakCipher (which wraps bmc.ErrCipher), so errors.Is
	// matches any of the names.
	ErrWeakCipher = rmcp.ErrWeakCipher
	// ErrBackoff is returned when a poll is refused without touching the
	// network because the last connect failed recently; the error also
	// wraps that failure. It is bmc.ErrBackoff.
	ErrBackoff = bmc.ErrBackoff
)

// Reader keeps one RMCP+ session to one BMC open across polls and
// re-establishes it when it is lost. It caches the SDR repository and
// sensor thresholds per session and reads the SEL incrementally from a
// cursor. Safe for concurrent use (polls are serialised).
type Reader struct {
	cfg Config

	mu      sync.Mutex
	cl      *client.Client
	suite   int
	defs    []*sensorDef
	byNum   map[uint16]*sensorDef // owner<<8 | number
	sdrTime time.Time
	cursor  SELCursor
	latch   bmc.Latch
}

// New returns a Reader for cfg. It does not touch the network: the session
// is opened by the first Poll.
func New(cfg Config) *Reader {
	cfg.defaults()
	return &Reader{cfg: cfg, latch: bmc.Latch{Min: cfg.MinBackoff, Max: cfg.MaxBackoff}}
}

// CipherSuite returns the suite of the open session (-1 when none).
func (r *Reader) CipherSuite() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cl == nil {
		return -1
	}
	return r.suite
}

// Close ends the session.
func (r *Reader) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.dropLocked()
	return nil
}

func (r *Reader) dropLocked() {
	if r.cl == nil {
		return
	}
	cl := r.cl
	r.cl = nil
	r.defs, r.byNum = nil, nil
	ctx, cancel := context.WithTimeout(context.Background(), r.cfg.Timeout)
	defer cancel()
	_ = cl.Close(ctx) // best effort: a dead BMC cannot hear Close Session
}

// redact keeps the password out of any error text that reaches callers.
func (r *Reader) redact(err error) error { return bmc.Scrub(err, r.cfg.Password) }

// Poll reads every sensor and the SEL entries added since the last poll.
// A BMC that does not answer makes Poll fail with an error wrapping
// sensors.ErrSourceDown within the context's deadline; until the backoff
// expires further polls fail at once without network traffic.
func (r *Reader) Poll(ctx context.Context) (*sensors.Poll, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, r.cfg.PollTimeout)
		defer cancel()
	}
	r.mu.Lock()
	defer r.mu.Unlock()

	fresh := false
	if r.cl == nil {
		if err := r.latch.Err(r.cfg.Now()); err != nil {
			return nil, fmt.Errorf("ipmi %s: %w", r.cfg.Target(), err)
		}
		if err := r.connectLocked(ctx); err != nil {
			return nil, r.failLocked(err)
		}
		fresh = true
	}
	p, err := r.pollLocked(ctx)
	if err != nil && !fresh && ctx.Err() == nil && !isCompletion(err) {
		// The session was lost (BMC reboot, session timeout): open a new
		// one once, within the same deadline.
		r.cfg.Logger.Info("ipmi session lost, reconnecting", "target", r.cfg.Target(), "err", bmc.Detail(r.redact(err)))
		r.dropLocked()
		if err := r.connectLocked(ctx); err != nil {
			return nil, r.failLocked(err)
		}
		p, err = r.pollLocked(ctx)
	}
	if err != nil {
		if !isCompletion(err) {
			r.dropLocked()
			return nil, r.failLocked(err)
		}
		return nil, fmt.Errorf("ipmi %s: %w", r.cfg.Target(), rmcp.Classify(ctx, r.redact(err), "a sensor or SEL read", ""))
	}
	r.latch.Reset()
	return p, nil
}

// failLocked records a failed attempt, schedules the next one with
// exponential backoff and classifies the error: a BMC that does not answer
// (or fails in a way no cause names) is sensors.ErrSourceDown; one that
// refused the credentials, the privilege or the cipher answered, so it is
// not.
func (r *Reader) failLocked(err error) error {
	if !bmc.Classified(err) {
		err = r.redact(err) // a library's error; ours never hold the password
	}
	err = rmcp.Classify(context.Background(), err, "a sensor or SEL read", "")
	switch bmc.KindOf(err) {
	case bmc.KindUnreachable, "":
		err = bmc.Tag(fmt.Errorf("ipmi %s: %w", r.cfg.Target(), err), sensors.ErrSourceDown)
	default:
		err = fmt.Errorf("ipmi %s: %w", r.cfg.Target(), err)
	}
	r.latch.Fail(r.cfg.Now(), err)
	r.cfg.Logger.Debug("ipmi poll failed", "target", r.cfg.Target(), "err", bmc.Detail(err))
	return err
}

// isCompletion reports whether err is a BMC's completion code: the BMC
// answered, so the session is alive.
func isCompletion(err error) bool {
	_, ok := types.IsResponseError(err)
	return ok
}

func completionCode(err error) (uint8, bool) {
	re, ok := types.IsResponseError(err)
	if !ok {
		return 0, false
	}
	return uint8(re.CompletionCode()), true
}

// ccEmpty is "requested sensor, data or record not present": on Get SDR and
// Get SEL Entry it means the repository or log is empty.
const ccEmpty = 0xcb

func privilege(name string) (types.PrivilegeLevel, error) {
	switch strings.ToLower(name) {
	case "user":
		return types.PrivilegeLevelUser, nil
	case "operator":
		return types.PrivilegeLevelOperator, nil
	case "administrator", "admin":
		return types.PrivilegeLevelAdministrator, nil
	}
	return 0, fmt.Errorf("ipmi: unknown privilege %q (user, operator, administrator)", name)
}

// connectLocked opens the session (rmcp.Open: credentials and cipher policy
// checked first, downgrades refused, failures classified).
func (r *Reader) connectLocked(ctx context.Context) error {
	priv, err := privilege(r.cfg.Privilege)
	if err != nil {
		return err
	}
	cl, suite, err := rmcp.Open(ctx, rmcp.Session{
		Host: r.cfg.Host, Port: r.cfg.Port, User: r.cfg.User, Password: r.cfg.Password,
		Policy: r.cfg.Policy(), Privilege: priv, Timeout: r.cfg.Timeout, Retries: r.cfg.Retries,
		Hint: fmt.Sprintf("reading sensors needs an account with %s privilege (Config.Privilege)", strings.ToUpper(r.cfg.Privilege)),
	})
	if err != nil {
		return err
	}
	r.cl, r.suite = cl, suite
	r.cfg.Logger.Debug("ipmi session open", "target", r.cfg.Target(), "cipher_suite", suite)
	if err := r.loadSDRLocked(ctx); err != nil {
		r.dropLocked()
		return err
	}
	return nil
}

// sensorDef is one sensor as its SDR describes it, with the thresholds read
// once per session.
type sensorDef struct {
	num, owner, lun uint8
	name            string
	sensorType      uint8
	eventType       uint8
	kind            sensors.Kind
	unit            sensors.Unit
	threshold       bool // analog threshold sensor
	full            *types.SDRFull
	fahrenheit      bool
	thr             sensors.Thresholds
}

func (d *sensorDef) convert(raw uint8) float64 {
	v := d.full.ConvertReading(raw)
	if d.fahrenheit {
		v = (v - 32) * 5 / 9
	}
	return v
}

func (d *sensorDef) info() *SensorInfo {
	si := &SensorInfo{Name: d.name, Kind: d.kind, Unit: d.unit}
	if d.threshold {
		si.Convert = d.convert
	}
	return si
}

func unitOf(u types.SensorUnit) (sensors.Unit, bool) {
	switch u.BaseUnit {
	case types.SensorUnitType_DegreesC:
		return sensors.UnitCelsius, false
	case types.SensorUnitType_DegreesF:
		return sensors.UnitCelsius, true
	case types.SensorUnitType_Volts:
		return sensors.UnitVolts, false
	case types.SensorUnitType_Amps:
		return sensors.UnitAmps, false
	case types.SensorUnitType_Watts:
		return sensors.UnitWatts, false
	case types.SensorUnitType_RPM:
		return sensors.UnitRPM, false
	}
	return sensors.UnitNone, false
}

func kindOfUnit(u sensors.Unit, sensorType uint8) sensors.Kind {
	switch u {
	case sensors.UnitCelsius:
		return sensors.KindTemperature
	case sensors.UnitRPM:
		return sensors.KindFan
	case sensors.UnitVolts:
		return sensors.KindVoltage
	case sensors.UnitAmps:
		return sensors.KindCurrent
	case sensors.UnitWatts:
		return sensors.KindPower
	}
	return KindOf(sensorType)
}

// loadSDRLocked reads the SDR repository (Full and Compact sensor records)
// and the thresholds of every threshold sensor. An empty repository
// (completion code 0xcb) is no sensors, not a failure.
func (r *Reader) loadSDRLocked(ctx context.Context) error {
	sdrs, err := r.cl.GetSDRsRaw(ctx, types.SDRRecordTypeFullSensor, types.SDRRecordTypeCompactSensor)
	if cc, ok := completionCode(err); ok && cc == ccEmpty {
		sdrs, err = nil, nil
	}
	if err != nil {
		return fmt.Errorf("read SDR repository: %w", err)
	}
	defs := make([]*sensorDef, 0, len(sdrs))
	byNum := make(map[uint16]*sensorDef, len(sdrs))
	for _, s := range sdrs {
		d := &sensorDef{}
		switch {
		case s.Full != nil && s.RecordHeader.RecordType == types.SDRRecordTypeFullSensor:
			f := s.Full
			d.num, d.owner, d.lun = uint8(f.SensorNumber), uint8(f.GeneratorID.OwnerID()), uint8(f.GeneratorID.LUN())
			d.name = strings.TrimSpace(string(f.IDStringBytes))
			d.sensorType, d.eventType = uint8(f.SensorType), uint8(f.SensorEventReadingType)
			d.full = f
			d.threshold = f.SensorEventReadingType.IsThreshold() && f.SensorUnit.IsAnalog()
			if d.threshold {
				d.unit, d.fahrenheit = unitOf(f.SensorUnit)
			}
		case s.Compact != nil && s.RecordHeader.RecordType == types.SDRRecordTypeCompactSensor:
			c := s.Compact
			d.num, d.owner, d.lun = uint8(c.SensorNumber), uint8(c.GeneratorID.OwnerID()), uint8(c.GeneratorID.LUN())
			d.name = strings.TrimSpace(string(c.IDStringBytes))
			d.sensorType, d.eventType = uint8(c.SensorType), uint8(c.SensorEventReadingType)
		default:
			continue
		}
		d.name = strings.TrimRight(d.name, "\x00")
		if d.threshold {
			d.kind = kindOfUnit(d.unit, d.sensorType)
		} else {
			d.kind = KindOf(d.sensorType)
		}
		if d.threshold {
			if err := r.readThresholdsLocked(ctx, d); err != nil {
				return err
			}
		}
		defs = append(defs, d)
		byNum[uint16(d.owner)<<8|uint16(d.num)] = d
	}
	r.defs, r.byNum, r.sdrTime = defs, byNum, r.cfg.Now()
	return nil
}

func (r *Reader) sensorCtx(ctx context.Context, d *sensorDef) context.Context {
	if d.owner == 0 || (d.owner == types.BMC_SA && d.lun == 0) {
		return ctx
	}
	cc := &client.CommandContext{}
	cc.WithResponderAddr(d.owner).WithResponderLUN(d.lun)
	return client.WithCommandContext(ctx, cc)
}

func (r *Reader) readThresholdsLocked(ctx context.Context, d *sensorDef) error {
	res := &sensor.GetSensorThresholdsResponse{}
	err := r.cl.Exchange(r.sensorCtx(ctx, d), &sensor.GetSensorThresholdsRequest{SensorNumber: d.num}, res)
	if isCompletion(err) {
		return nil // no readable thresholds: not an error
	}
	if err != nil {
		return fmt.Errorf("get thresholds of %s: %w", d.name, err)
	}
	val := func(readable bool, raw uint8) *float64 {
		if !readable {
			return nil
		}
		return sensors.F(d.convert(raw))
	}
	d.thr = sensors.Thresholds{
		LowerWarning:  val(res.LNC_Readable, res.LNC_Raw),
		LowerCritical: val(res.LCR_Readable, res.LCR_Raw),
		LowerFatal:    val(res.LNR_Readable, res.LNR_Raw),
		UpperWarning:  val(res.UNC_Readable, res.UNC_Raw),
		UpperCritical: val(res.UCR_Readable, res.UCR_Raw),
		UpperFatal:    val(res.UNR_Readable, res.UNR_Raw),
	}
	return nil
}

func (r *Reader) pollLocked(ctx context.Context) (*sensors.Poll, error) {
	now := r.cfg.Now()
	if now.Sub(r.sdrTime) > r.cfg.SDRMaxAge {
		if err := r.loadSDRLocked(ctx); err != nil {
			return nil, err
		}
	}
	p := &sensors.Poll{Source: sensors.SourceIPMI, Target: r.cfg.Target(), Time: now,
		Readings: make([]sensors.Reading, 0, len(r.defs)), Events: []sensors.Event{}}
	var fans, psus int
	for _, d := range r.defs {
		if d.eventType == 0x0b {
			continue // a redundancy sensor watches the set, it is not a member
		}
		switch d.kind {
		case sensors.KindFan:
			fans++
		case sensors.KindPSU:
			psus++
		}
	}
	for _, d := range r.defs {
		rd, err := r.readLocked(ctx, d, now)
		if err != nil {
			return nil, err
		}
		if d.eventType != 0x0b && ((rd.Kind == sensors.KindFan && fans > 1) || (rd.Kind == sensors.KindPSU && psus > 1)) {
			rd.Redundant = string(rd.Kind) + "s"
		}
		p.Readings = append(p.Readings, rd)
	}
	evs, err := r.readSELLocked(ctx, now)
	if err != nil {
		return nil, err
	}
	p.Events = append(p.Events, evs...)
	return p, nil
}

// readLocked is one Get Sensor Reading, decoded. Completion codes (sensor
// not present) give an unknown reading, not an error.
func (r *Reader) readLocked(ctx context.Context, d *sensorDef, now time.Time) (sensors.Reading, error) {
	rd := sensors.Reading{Source: sensors.SourceIPMI, Component: d.name, Name: d.name, Kind: d.kind,
		Unit: d.unit, Status: sensors.StatusUnknown, Time: now}
	if d.threshold && !d.thr.Empty() {
		t := d.thr
		rd.Thresholds = &t
	}
	res := &sensor.GetSensorReadingResponse{}
	err := r.cl.Exchange(r.sensorCtx(ctx, d), &sensor.GetSensorReadingRequest{SensorNumber: d.num}, res)
	if isCompletion(err) {
		return rd, nil
	}
	if err != nil {
		return rd, fmt.Errorf("read sensor %s: %w", d.name, err)
	}
	if res.SensorScanningDisabled || res.ReadingUnavailable {
		return rd, nil
	}
	if d.threshold {
		v := d.convert(res.Reading)
		rd.Value = &v
		rd.Status = thresholdStatus(res)
		if rd.Thresholds != nil {
			rd.Status = sensors.Worst(rd.Status, rd.Thresholds.Classify(v))
		}
		return rd, nil
	}
	mask := uint16(res.OptionalData1) | uint16(res.OptionalData2&0x7f)<<8
	states, status := DecodeStates(d.sensorType, d.eventType, mask)
	rd.Status = status
	rd.States = make([]string, len(states))
	for i, s := range states {
		rd.States[i] = s.Name
	}
	return rd, nil
}

func thresholdStatus(res *sensor.GetSensorReadingResponse) sensors.Status {
	switch {
	case res.Above_UNR, res.Below_LNR, res.Above_UCR, res.Below_LCR:
		return sensors.StatusCritical
	case res.Above_UNC, res.Below_LNC:
		return sensors.StatusWarning
	}
	return sensors.StatusOK
}

// redacted is what the Config shows of itself (bmc.Redacted).
func (c Config) redacted() bmc.Redacted {
	return bmc.Redacted{Driver: "ipmi", Target: c.Target(), User: c.User, HasPassword: c.Password != "",
		Attrs: []slog.Attr{slog.String("cipher_suite", c.Policy().String()), slog.String("privilege", c.Privilege)}}
}

// String keeps the password out of formatted output.
func (c Config) String() string { return c.redacted().String() }

// GoString keeps the password out of %#v.
func (c Config) GoString() string { return c.redacted().GoString() }

// Format keeps the password out of every fmt verb.
func (c Config) Format(f fmt.State, verb rune) { c.redacted().Format(f, verb) }

// LogValue implements slog.LogValuer.
func (c Config) LogValue() slog.Value { return c.redacted().LogValue() }
