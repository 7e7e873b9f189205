package ipmisim

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// SetSensor sets a threshold sensor to a real value (in the sensor's unit),
// converted to the raw reading with the SDR's factors. Crossing a threshold
// logs the SEL events an IPMI BMC logs ("Lower Critical going low").
// Equivalent to: ipmi_sim console `sensor_set_value 0x20 0 NUM RAW 1`.
func (s *Sim) SetSensor(ctx context.Context, name string, value float64) error {
	sn, ok := LookupSensor(name)
	if !ok {
		return errSensor(name)
	}
	if sn.Discrete() {
		return fmt.Errorf("%w: %q takes offsets (SetBit), not a value", ErrDiscrete, name)
	}
	raw, err := sn.Raw(value)
	if err != nil {
		return err
	}
	return s.SetRaw(ctx, name, raw)
}

// SetRaw sets a threshold sensor's raw reading byte.
func (s *Sim) SetRaw(ctx context.Context, name string, raw uint8) error {
	sn, ok := LookupSensor(name)
	if !ok {
		return errSensor(name)
	}
	if sn.Discrete() {
		return fmt.Errorf("%w: %q takes offsets (SetBit), not a value", ErrDiscrete, name)
	}
	if _, err := s.Console(ctx, fmt.Sprintf("sensor_set_value 0x%02x 0 %d %d 1", bmcAddr, sn.Number, raw)); err != nil {
		return err
	}
	s.mu.Lock()
	inj := s.injected[sn.Number]
	inj.raw, inj.hasRaw = raw, true
	s.injected[sn.Number] = inj
	s.mu.Unlock()
	return nil
}

// SetBit asserts (on) or deasserts a discrete sensor's offset, logging the
// assertion or deassertion event in the SEL.
// Equivalent to: `sensor_set_bit 0x20 0 NUM OFFSET 0|1 1`.
func (s *Sim) SetBit(ctx context.Context, name string, offset int, on bool) error {
	sn, ok := LookupSensor(name)
	if !ok {
		return errSensor(name)
	}
	if !sn.Discrete() {
		return fmt.Errorf("%w: %q takes a value (SetSensor), not offsets", ErrThreshold, name)
	}
	if offset < 0 || offset > 14 || sn.Offsets&(1<<offset) == 0 {
		return fmt.Errorf("ipmisim: sensor %q has no offset %d", name, offset)
	}
	v := 0
	if on {
		v = 1
	}
	if _, err := s.Console(ctx, fmt.Sprintf("sensor_set_bit 0x%02x 0 %d %d %d 1", bmcAddr, sn.Number, offset, v)); err != nil {
		return err
	}
	s.rememberBit(sn.Number, offset, on)
	return nil
}

func (s *Sim) rememberBit(num uint8, offset int, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	inj := s.injected[num]
	if inj.bits == nil {
		inj.bits = map[int]bool{}
	}
	inj.bits[offset] = on
	s.injected[num] = inj
}

// fanName returns the sensor name of fan n (1-based).
func fanName(n int) (string, error) {
	switch n {
	case 1:
		return Fan1, nil
	case 2:
		return Fan2, nil
	}
	return "", fmt.Errorf("ipmisim: no fan %d (have 1 and 2)", n)
}

func psuName(n int) (string, error) {
	switch n {
	case 1:
		return PSU1Status, nil
	case 2:
		return PSU2Status, nil
	}
	return "", fmt.Errorf("ipmisim: no power supply %d (have 1 and 2)", n)
}

// FailFan stops fan n (1 or 2): it reads 0 RPM, below all its lower
// thresholds.
func (s *Sim) FailFan(ctx context.Context, n int) error {
	name, err := fanName(n)
	if err != nil {
		return err
	}
	return s.SetSensor(ctx, name, 0)
}

// SetFan sets fan n (1 or 2) to rpm (resolution 100 RPM).
func (s *Sim) SetFan(ctx context.Context, n int, rpm float64) error {
	name, err := fanName(n)
	if err != nil {
		return err
	}
	return s.SetSensor(ctx, name, rpm)
}

// FailPSU makes power supply n (1 or 2) report "Failure detected" (offset 1)
// and the redundancy sensor report "Redundancy Lost".
func (s *Sim) FailPSU(ctx context.Context, n int) error {
	name, err := psuName(n)
	if err != nil {
		return err
	}
	if err := s.SetBit(ctx, name, PSUFailure, true); err != nil {
		return err
	}
	return s.setRedundancy(ctx, RedundancyLost)
}

// RepairPSU clears power supply n's failure and, if the other supply is
// healthy, restores full redundancy.
func (s *Sim) RepairPSU(ctx context.Context, n int) error {
	name, err := psuName(n)
	if err != nil {
		return err
	}
	if err := s.SetBit(ctx, name, PSUFailure, false); err != nil {
		return err
	}
	other, _ := psuName(3 - n)
	sn, _ := LookupSensor(other)
	s.mu.Lock()
	otherFailed := s.injected[sn.Number].bits[PSUFailure]
	s.mu.Unlock()
	if otherFailed {
		return nil
	}
	return s.setRedundancy(ctx, RedundancyFull)
}

// setRedundancy sets the one redundancy state of the PSU redundancy sensor.
func (s *Sim) setRedundancy(ctx context.Context, offset int) error {
	sn, _ := LookupSensor(PSURedundancy)
	if _, err := s.Console(ctx, fmt.Sprintf("sensor_set_bit_clr_rest 0x%02x 0 %d %d 1 1", bmcAddr, sn.Number, offset)); err != nil {
		return err
	}
	for i := range 8 {
		s.rememberBit(sn.Number, i, i == offset)
	}
	return nil
}

// RaiseECC logs one memory ECC error on the DIMM ECC sensor: correctable
// (offset 0) or uncorrectable (offset 1). Every call asserts anew (the
// offset is cleared first without an event), so each call adds one SEL
// entry, as a stream of corrected errors does on a real server.
func (s *Sim) RaiseECC(ctx context.Context, correctable bool) error {
	off := MemUncorrectableECC
	if correctable {
		off = MemCorrectableECC
	}
	sn, _ := LookupSensor(DIMMECC)
	if _, err := s.Console(ctx,
		fmt.Sprintf("sensor_set_bit 0x%02x 0 %d %d 0 0", bmcAddr, sn.Number, off),
		fmt.Sprintf("sensor_set_bit 0x%02x 0 %d %d 1 1", bmcAddr, sn.Number, off)); err != nil {
		return err
	}
	s.rememberBit(sn.Number, off, true)
	return nil
}

// SetTemperature sets a temperature sensor (CPUTemp or InletTemp) in
// degrees Celsius.
func (s *Sim) SetTemperature(ctx context.Context, name string, celsius float64) error {
	sn, ok := LookupSensor(name)
	if !ok {
		return errSensor(name)
	}
	if sn.Type != TypeTemperature {
		return fmt.Errorf("ipmisim: sensor %q is not a temperature sensor", name)
	}
	return s.SetSensor(ctx, name, celsius)
}

// ResetSensor returns a sensor to its initial reading (threshold) or
// offsets (discrete), logging the deassertion events.
func (s *Sim) ResetSensor(ctx context.Context, name string) error {
	sn, ok := LookupSensor(name)
	if !ok {
		return errSensor(name)
	}
	if !sn.Discrete() {
		if err := s.SetSensor(ctx, name, sn.Initial); err != nil {
			return err
		}
		s.mu.Lock()
		delete(s.injected, sn.Number)
		s.mu.Unlock()
		return nil
	}
	initial := sn.InitialBits
	if sn.Name == PowerUnit {
		if on, err := s.Power(); err == nil && !on {
			initial |= 1 << PowerOffDown // it follows the chassis
		}
	}
	var cmds []string
	for i := range 15 {
		if sn.Offsets&(1<<i) == 0 {
			continue
		}
		v := 0
		if initial&(1<<i) != 0 {
			v = 1
		}
		cmds = append(cmds, fmt.Sprintf("sensor_set_bit 0x%02x 0 %d %d %d 1", bmcAddr, sn.Number, i, v))
	}
	if _, err := s.Console(ctx, cmds...); err != nil {
		return err
	}
	s.mu.Lock()
	delete(s.injected, sn.Number)
	s.mu.Unlock()
	if sn.Name == PowerUnit {
		s.rememberBit(sn.Number, PowerOffDown, initial&(1<<PowerOffDown) != 0)
	}
	return nil
}

// replay re-applies injected readings after a restart, without events (the
// SEL already holds them).
func (s *Sim) replay(ctx context.Context) error {
	s.mu.Lock()
	var cmds []string
	nums := make([]uint8, 0, len(s.injected))
	for n := range s.injected {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	for _, n := range nums {
		inj := s.injected[n]
		if inj.hasRaw {
			cmds = append(cmds, fmt.Sprintf("sensor_set_value 0x%02x 0 %d %d 0", bmcAddr, n, inj.raw))
		}
		offs := make([]int, 0, len(inj.bits))
		for o := range inj.bits {
			offs = append(offs, o)
		}
		slices.Sort(offs)
		for _, o := range offs {
			v := 0
			if inj.bits[o] {
				v = 1
			}
			cmds = append(cmds, fmt.Sprintf("sensor_set_bit 0x%02x 0 %d %d %d 0", bmcAddr, n, o, v))
		}
	}
	s.mu.Unlock()
	if len(cmds) == 0 {
		return nil
	}
	_, err := s.Console(ctx, cmds...)
	return err
}

// AddSEL appends a system event record to the SEL as if sensor name had
// reported an event: offset is the event offset (threshold or discrete),
// deassert marks a deassertion, data2 and data3 are the event data bytes
// 2 and 3 (0xff when unused). The BMC stamps the time.
// Equivalent to: `sel_add 0x20 0x02 ...` on ipmi_sim's console.
func (s *Sim) AddSEL(ctx context.Context, name string, offset uint8, deassert bool, data2, data3 uint8) error {
	sn, ok := LookupSensor(name)
	if !ok {
		return errSensor(name)
	}
	dir := sn.ReadingType & 0x7f
	if deassert {
		dir |= 0x80
	}
	// Record type 0x02, then: timestamp (4, set by the BMC), generator ID
	// (0x20: the BMC, 0x00), EvM revision 0x04, sensor type, sensor number,
	// event dir|type, event data 1-3.
	b := []byte{0, 0, 0, 0, bmcAddr, 0x00, 0x04, sn.Type, sn.Number, dir, offset & 0x0f, data2, data3}
	if data2 != 0xff || data3 != 0xff {
		b[10] |= 0xa0 // data 2 and 3 carry OEM/sensor-specific values
	}
	hexes := make([]string, len(b))
	for i, v := range b {
		hexes[i] = fmt.Sprintf("0x%02x", v)
	}
	_, err := s.Console(ctx, fmt.Sprintf("sel_add 0x%02x 0x02 %s", bmcAddr, strings.Join(hexes, " ")))
	return err
}
